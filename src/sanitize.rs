//! Makes text from data files and user input harmless on a terminal.
//!
//! Data files are untrusted: a role text could carry ANSI or OSC escapes (recolouring the
//! terminal, rewriting its title, forging hyperlinks) or bidi overrides that make text read
//! differently from what it is. Such characters are shown as visible `\u{..}` escapes.
//! Ids and texts that go into shell scripts are held to plain characters instead.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Replaces control characters (except line breaks) and bidi controls with visible escapes.
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
}
