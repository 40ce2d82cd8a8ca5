//! Makes text from data files and user input harmless on a terminal.
//!
//! Data files are untrusted: a role text could carry ANSI or OSC escapes (recolouring the
//! terminal, rewriting its title, forging hyperlinks) or bidi overrides that make text read
//! differently from what it is. Such characters are shown as visible `\u{..}` escapes.

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

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn escapes_ansi_osc_and_bidi_but_keeps_text_and_line_breaks() {
        assert_eq!(terminal_safe("plain\ntext"), "plain\ntext");
        assert_eq!(terminal_safe("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(terminal_safe("\u{9b}\u{7}"), "\\u{9b}\\u{7}");
        assert_eq!(terminal_safe("x\u{202E}y"), "x\\u{202e}y");
    }
}
