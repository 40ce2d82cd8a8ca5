//! Makes text from data files and user input harmless on a terminal.
//!
//! Data files are untrusted: a role text could carry ANSI or OSC escapes (recolouring the
//! terminal, rewriting its title, forging hyperlinks) or bidi overrides that make text read
//! differently from what it is. Such characters are shown as visible `\u{..}` escapes.
//! Ids and texts that go into shell scripts are held to plain characters instead.

use std::borrow::Cow;

use unicode_general_category::{GeneralCategory, get_general_category};

/// Control characters (Cc) but the line break, every format control (Cf: bidi marks and
/// overrides such as U+061C and U+202E, zero-width spaces, U+FEFF, tag characters) and the
/// line and paragraph separators (Zl, Zp), which terminals show as nothing or as a break.
/// The zero-width non-joiner and joiner (U+200C, U+200D) stay: they only change how the
/// letters beside them join, and Persian, Indic scripts and emoji need them.
/// JSON and YAML output write the same characters as `\u` escapes of their own syntax.
pub fn is_unsafe(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control() && c != '\n';
    }
    match get_general_category(c) {
        GeneralCategory::Control
        | GeneralCategory::LineSeparator
        | GeneralCategory::ParagraphSeparator => true,
        GeneralCategory::Format => !matches!(c, '\u{200C}' | '\u{200D}'),
        _ => false,
    }
}

/// Replaces control characters (except line breaks), format controls and line separators
/// with visible escapes.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            safe.extend(c.escape_unicode());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// Whether `id` is a plain id: ASCII letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit. Ids go into completion scripts, diagrams and file names, where none of
/// these characters means anything; validation refuses every other id.
pub fn is_plain_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A text reduced to what no shell reads as syntax, for the descriptions in completion
/// scripts: letters, digits, spaces and `-`, `.`, `,`. Quotes, `$`, backquotes, brackets,
/// backslashes and control characters are dropped, so no shell's quoting can be escaped.
pub fn shell_plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | ','))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{is_plain_id, shell_plain, terminal_safe};

    #[test]
    fn plain_ids_have_no_shell_or_diagram_syntax() {
        for id in ["cto", "vp-eng", "vp_eng", "iso27001", "a.b", "CISO"] {
            assert!(is_plain_id(id), "{id}");
        }
        for id in [
            "",
            "-x",
            ".x",
            "a b",
            "$(x)",
            "a`b`",
            "a;b",
            "a\u{1b}",
            "caf\u{e9}",
            "a\nb",
        ] {
            assert!(!is_plain_id(id), "{id:?}");
        }
    }

    #[test]
    fn shell_plain_text_keeps_words_and_drops_quotes_and_expansions() {
        assert_eq!(
            shell_plain("Chief \"Data\" Officer $(touch x) `id`; a=(\\)\u{1b}[0m\n'q'"),
            "Chief Data Officer touch x id a0m q"
        );
        assert_eq!(
            shell_plain("Caf\u{e9}, S.A. - Ops"),
            "Caf\u{e9}, S.A. - Ops"
        );
    }

    #[test]
    fn escapes_ansi_osc_and_bidi_but_keeps_text_and_line_breaks() {
        assert_eq!(terminal_safe("plain\ntext"), "plain\ntext");
        assert_eq!(terminal_safe("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(terminal_safe("\u{9b}\u{7}"), "\\u{9b}\\u{7}");
        assert_eq!(terminal_safe("x\u{202E}y"), "x\\u{202e}y");
    }

    #[test]
    fn every_invisible_format_control_is_escaped_by_its_unicode_category() {
        for c in [
            '\u{61C}',
            '\u{200B}',
            '\u{200E}',
            '\u{2060}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{E0041}',
            '\u{2028}',
            '\u{2029}',
            '\u{AD}',
            '\u{180E}',
        ] {
            let text = format!("a{c}b");
            assert_eq!(terminal_safe(&text), format!("a{}b", c.escape_unicode()));
        }
        // Joiners shape Persian words and emoji; they never reorder or hide text.
        for kept in [
            "\u{645}\u{6CC}\u{200C}\u{62E}",
            "\u{1F469}\u{200D}\u{1F4BB}",
            "caf\u{E9} \u{43F}",
        ] {
            assert_eq!(terminal_safe(kept), kept);
        }
    }
}
