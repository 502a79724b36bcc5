package dev.mailtee.desk.text;

/**
 * A run of lines of a reply body that share one role.
 *
 * @param text      the lines, joined with "\n"
 * @param quoted    earlier conversation: "&gt;" lines, their attribution, or an unquoted
 *                  earlier message below a reply header
 * @param signature a signature block: after a blank line, starting with "--", "__", "-Name"
 *                  or a mobile "Sent from my ..." line
 * @param hidden    not part of the new text: quoted, signature or blank, and below all new text
 */
record ReplyFragment(String text, boolean quoted, boolean signature, boolean hidden) {
}
