#!/usr/bin/env python3
"""The job `mailtee duplicate` does, in python3's standard library, as the Kayako seed does it:
read one message on stdin, make one unique copy per address (new Message-ID, [tag] on the
subject, X-Kayako-Dup: 1, no In-Reply-To/References, To = address) and pipe each to
`sendmail -i -f SENDER -- ADDR`. For benchmarking only (no ledger, no retry safety)."""
import email
import email.policy
import email.utils
import random
import string
import subprocess
import sys


def main():
    sendmail, addresses = sys.argv[1], sys.argv[2].split(",")
    original = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.compat32)
    sender = email.utils.parseaddr(original.get("Return-Path") or original.get("From", ""))[1]
    tags = set()
    while len(tags) < len(addresses):
        tags.add("".join(random.choices(string.ascii_letters + string.digits, k=4)))
    for address, tag in zip(addresses, tags):
        copy = email.message_from_bytes(original.as_bytes(), policy=email.policy.compat32)
        for name in ("Message-ID", "In-Reply-To", "References", "X-Kayako-Dup", "To"):
            del copy[name]
        copy["Message-ID"] = email.utils.make_msgid()
        subject = copy.get("Subject", "")
        del copy["Subject"]
        copy["Subject"] = (subject + " " if subject else "") + "[" + tag + "]"
        copy["To"] = address
        copy["X-Kayako-Dup"] = "1"
        sent = subprocess.run([sendmail, "-i", "-f", sender, "--", address], input=copy.as_bytes())
        if sent.returncode != 0:
            sys.exit(75)


if __name__ == "__main__":
    main()
