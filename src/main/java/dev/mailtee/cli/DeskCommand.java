package dev.mailtee.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "desk", description = "Set up the ticket desk: offices and agents.",
        subcommands = {DeskCommand.Office.class, DeskCommand.Agent.class})
final class DeskCommand {

    @Command(name = "office", description = "Manage offices (departments with an inbound address).",
            subcommands = DeskCommand.Office.Add.class)
    static final class Office {
        @Command(name = "add", description = "Add an office; mail to ADDRESS (and ADDRESS's local+UUID form) files there.")
        static final class Add extends DeskAction {
            @Parameters(index = "0", paramLabel = "NAME")
            String name;

            @Parameters(index = "1", paramLabel = "ADDRESS")
            String address;

            @Option(names = "--default", description = "New tickets for no office's address go here.")
            boolean isDefault;

            @Override
            int run(DeskSession s, PrintWriter out) {
                boolean added = s.desk().addOffice(name, address, isDefault);
                out.println((added ? "added office " : "office exists: ") + name + " <" + address + ">"
                        + (isDefault ? " (default)" : ""));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "agent", description = "Manage agents: who may sign in to the web desk and use the API.",
            subcommands = {DeskCommand.Agent.Add.class, DeskCommand.Agent.Token.class})
    static final class Agent {
        @Command(name = "add", description = {"Make EMAIL an agent of offices (all offices when no --office is given).",
                "Agents get new-ticket notices, take tickets in turn, and may reply to any ticket by mail.",
                "--password-stdin reads the web desk password from the first line of standard input."})
        static final class Add extends DeskAction {
            @Parameters(paramLabel = "EMAIL")
            String email;

            @Option(names = "--name", description = "Display name.")
            String name = "";

            @Option(names = "--office", paramLabel = "NAME", description = "Office name or address; repeatable.")
            List<String> offices = List.of();

            @Option(names = "--admin", description = "An administrator (an agent who may also manage the desk).")
            boolean admin;

            @Option(names = "--password-stdin", description = "Set the sign-in password (10+ characters) from stdin; "
                    + "never pass a password as an argument.")
            boolean passwordStdin;

            @Override
            int run(DeskSession s, PrintWriter out) {
                if (email.lastIndexOf('@') <= 0 || email.endsWith("@") || email.contains(" ")) {
                    return fail("'" + email + "' is not an email address", ExitCode.USAGE);
                }
                char[] password = passwordStdin ? PasswordInput.firstLine(System.in) : null;
                if (password != null && password.length < 10) return fail("the password on standard input must have at least 10 characters", ExitCode.USAGE);
                s.desk().addAgent(email, name, offices, admin);
                if (password != null) {
                    s.desk().credentials().setPassword(email, password);
                    java.util.Arrays.fill(password, '\0');
                }
                out.println("added " + (admin ? "admin " : "agent ") + email
                        + (offices.isEmpty() ? " to every office" : " to " + String.join(", ", offices))
                        + (password != null ? "; password set" : ""));
                return ExitCode.OK;
            }
        }
    
        @Command(name = "token", description = {"Issue a new API token for an agent (replacing the old one).",
                "The token is printed once; use it as 'Authorization: Bearer TOKEN'."})
        static final class Token extends DeskAction {
            @Parameters(paramLabel = "EMAIL")
            String email;

            @Override
            int run(DeskSession s, PrintWriter out) {
                var agent = s.desk().staff().stream().filter(a -> a.email().equalsIgnoreCase(email)).findFirst();
                if (agent.isEmpty()) return fail(email + " is not an agent", ExitCode.DATAERR);
                out.println(s.desk().credentials().issueToken(agent.get().id()));
                return ExitCode.OK;
            }
        }
    }
}
