-- Claims are leases: an ACTIVE delivery names the worker holding it (claimed_by: its node, and
-- the process on it) and until when (lease_until, epoch milliseconds). A lease that ran out is
-- claimable again by any worker, so a copy in flight on a node that died is taken over without
-- a restart. A row left ACTIVE by a version without leases is claimable at once.
ALTER TABLE delivery ADD COLUMN claimed_by VARCHAR(300);
ALTER TABLE delivery ADD COLUMN lease_until BIGINT;
UPDATE delivery SET lease_until = 0 WHERE state = 'ACTIVE';
