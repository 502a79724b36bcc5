package dev.mailtee.desk;

/** Someone the desk knows by email address: a customer, or an agent or admin of the desk. */
record Person(String id, String email, String name, Role role) {

    enum Role {
        CUSTOMER, AGENT, ADMIN;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    boolean isStaff() {
        return role != Role.CUSTOMER;
    }
}
