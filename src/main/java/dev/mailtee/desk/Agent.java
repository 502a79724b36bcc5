package dev.mailtee.desk;

import java.util.Set;

/** A signed-in agent or admin: agents work the tickets of their offices, admins every ticket and the desk itself. */
public record Agent(String id, String email, String name, boolean admin, Set<String> officeIds) {

    public Agent {
        officeIds = Set.copyOf(officeIds);
    }

    /** Whether this agent may see and work tickets of the office. */
    public boolean works(String officeId) {
        return admin || officeIds.contains(officeId);
    }

    public String displayName() {
        return name.isEmpty() ? email : name;
    }
}
