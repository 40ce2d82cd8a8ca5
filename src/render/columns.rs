//! Column widths for terminal tables, and cell text wrapped to them: words are never broken
//! while the columns can hold them, and the widths are chosen to make the table short.
//!
//! comfy-table's own arrangement splits a word wider than its column in the middle
//! (`responsibl│e`); here every column is at least as wide as its longest word, the space left
//! goes where it saves the most lines, and comfy-table is given lines that already fit.

use std::collections::HashMap;

use textwrap::core::display_width;

/// Narrower columns than this read badly: a column is at least this wide unless all of its
/// text is narrower.
pub const MIN_COLUMN: usize = 10;

/// Tables with more text than this get the proportional widths only: searching for shorter
/// widths wraps the text once per width tried, which is cheap for a screenful and must stay
/// linear for a table of thousands of rows.
const SEARCHED_TEXT: usize = 32 * 1024;

/// At most this many improving moves are made when searching for shorter widths.
const MOVES: usize = 64;

/// The text of one column: its header and one cell per row, each cell a list of lines (a
/// bulleted line, `• …`, wraps under its text rather than under the bullet).
pub struct Column<'a> {
    pub cells: Vec<Vec<&'a str>>,
}

/// The content width (without padding) of each column, or `None` when the longest words of
/// the columns cannot stand side by side in `available` columns of text: the table is then
/// better written as a list.
pub fn widths(columns: &[Column], available: usize) -> Option<Vec<usize>> {
    let longest: Vec<usize> = columns.iter().map(longest_line).collect();
    let least: Vec<usize> = columns
        .iter()
        .zip(&longest)
        .map(|(column, &longest)| longest_word(column).max(MIN_COLUMN.min(longest)))
        .collect();
    if longest.iter().sum::<usize>() <= available {
        return Some(longest);
    }
    if least.iter().sum::<usize>() > available {
        return None;
    }
    let start = proportional(&least, &longest, available);
    let text: usize = columns
        .iter()
        .flat_map(|column| column.cells.iter().flatten())
        .map(|line| line.len())
        .sum();
    if text > SEARCHED_TEXT {
        return Some(start);
    }
    Some(shortest(columns, &least, &longest, start))
}

/// The space beyond each column's least width, shared in proportion to how much more each
/// could use (as browsers lay out tables).
fn proportional(least: &[usize], longest: &[usize], available: usize) -> Vec<usize> {
    let spare = available - least.iter().sum::<usize>();
    let wants: Vec<usize> = least.iter().zip(longest).map(|(l, m)| m - l).collect();
    let wanted: usize = wants.iter().sum();
    let mut widths: Vec<usize> = least
        .iter()
        .zip(&wants)
        .map(|(least, want)| least + spare * want / wanted.max(1))
        .collect();
    // What rounding down left over goes to the columns that still want more, widest want first.
    let mut left = available - widths.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(wants[index]));
    for index in order.into_iter().cycle().take(widths.len() * 2) {
        if left == 0 {
            break;
        }
        if widths[index] < longest[index] {
            widths[index] += 1;
            left -= 1;
        }
    }
    widths
}

/// From `start`, moves width from one column to another while that makes the table shorter:
/// a local search, as the height of a row is the tallest of its cells.
fn shortest(
    columns: &[Column],
    least: &[usize],
    longest: &[usize],
    start: Vec<usize>,
) -> Vec<usize> {
    let mut heights = Heights::new(columns);
    let mut best = start;
    let mut best_height = heights.table(&best);
    for _ in 0..MOVES {
        let mut improved = None;
        for to in 0..best.len() {
            for from in 0..best.len() {
                if to == from {
                    continue;
                }
                // Enough to take a line off a cell: a few characters usually do.
                for step in [1, 2, 3, 5, 8, 13] {
                    if best[from] < least[from] + step || best[to] + step > longest[to] {
                        break;
                    }
                    let mut tried = best.clone();
                    tried[from] -= step;
                    tried[to] += step;
                    let height = heights.table(&tried);
                    if height < improved.as_ref().map_or(best_height, |(h, _)| *h) {
                        improved = Some((height, tried));
                    }
                }
            }
        }
        match improved {
            Some((height, widths)) => {
                best_height = height;
                best = widths;
            }
            None => break,
        }
    }
    best
}

/// Row heights of each column at each width tried, counted once each. Every line is split
/// into words once; counting its lines at a width is then textwrap's first-fit over those
/// words, with no text copied (the search tries many widths; only the chosen one is wrapped).
struct Heights {
    /// Per column, per row: the cell's lines.
    columns: Vec<Vec<Vec<Line>>>,
    known: HashMap<(usize, usize), Vec<usize>>,
}

impl Heights {
    fn new(columns: &[Column]) -> Self {
        let columns = columns
            .iter()
            .map(|column| {
                column
                    .cells
                    .iter()
                    .map(|cell| {
                        cell.iter()
                            .map(|line| {
                                let indent = if line.starts_with(BULLET) { 2 } else { 0 };
                                let words = textwrap::WordSeparator::AsciiSpace
                                    .find_words(line)
                                    .map(|word| Word::from(word.word))
                                    .collect();
                                (words, indent)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Self {
            columns,
            known: HashMap::new(),
        }
    }

    /// The table's height at `widths`, then the lines of all its cells: of two layouts as
    /// tall, the one that wraps less text reads better.
    fn table(&mut self, widths: &[usize]) -> (usize, usize) {
        let rows = self.columns.first().map_or(0, Vec::len);
        let mut tallest = vec![1; rows];
        let mut lines = 0;
        for (index, &width) in widths.iter().enumerate() {
            let column = &self.columns[index];
            let heights = self.known.entry((index, width)).or_insert_with(|| {
                column
                    .iter()
                    .map(|cell| {
                        cell.iter()
                            .map(|(words, indent)| count_lines(words, *indent, width))
                            .sum()
                    })
                    .collect()
            });
            for (tallest, &height) in tallest.iter_mut().zip(heights.iter()) {
                *tallest = (*tallest).max(height);
                lines += height;
            }
        }
        (tallest.iter().sum(), lines)
    }
}

/// A line of a cell as the search measures it: its words, and the indent it wraps under.
type Line = (Vec<Word>, usize);

/// A word as the search measures it: its width, and one space after it.
#[derive(Debug)]
struct Word {
    width: usize,
}

impl From<&str> for Word {
    fn from(word: &str) -> Self {
        Self {
            width: display_width(word),
        }
    }
}

impl textwrap::core::Fragment for Word {
    #[allow(clippy::cast_precision_loss)]
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The lines a line of words takes at `width`, as [`wrap`] would lay it out; words wider
/// than the width (which the search never tries) count as they come.
#[allow(clippy::cast_precision_loss)]
fn count_lines(words: &[Word], indent: usize, width: usize) -> usize {
    let widths = [width as f64, width.saturating_sub(indent) as f64];
    textwrap::wrap_algorithms::wrap_first_fit(words, &widths)
        .len()
        .max(1)
}

/// One line of a cell wrapped at spaces to `width`; a word wider than that is broken only
/// when it must be (in a list, where it has the whole width).
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let indent = if line.starts_with(BULLET) { "  " } else { "" };
    let options = textwrap::Options::new(width.max(1))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .subsequent_indent(indent);
    textwrap::wrap(line, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

const BULLET: &str = "\u{2022} ";

fn longest_line(column: &Column) -> usize {
    column
        .cells
        .iter()
        .flatten()
        .map(|line| display_width(line))
        .max()
        .unwrap_or(0)
}

/// The widest word of a column, counting the indent a bulleted line wraps under.
fn longest_word(column: &Column) -> usize {
    column
        .cells
        .iter()
        .flatten()
        .map(|line| {
            let indent = if line.starts_with(BULLET) { 2 } else { 0 };
            line.split(' ')
                .map(|word| display_width(word) + indent)
                .max()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::{Column, widths, wrap};

    fn column<'a>(cells: &[&'a str]) -> Column<'a> {
        Column {
            cells: cells.iter().map(|cell| vec![*cell]).collect(),
        }
    }

    #[test]
    fn columns_that_fit_get_their_longest_line() {
        let columns = [
            column(&["Area", "Security"]),
            column(&["CTO", "responsible"]),
        ];
        assert_eq!(widths(&columns, 80), Some(vec![8, 11]));
    }

    #[test]
    fn no_column_is_narrower_than_its_longest_word() {
        let columns = [
            column(&["Customer-facing systems", "Budgeting and resources"]),
            column(&[
                "often shared with CIO [guide]",
                "responsible [brief, guide]",
            ]),
            column(&[
                "often shared with CTO [guide]",
                "partly responsible [brief]",
            ]),
        ];
        let found = widths(&columns, 40).unwrap();
        assert_eq!(found.iter().sum::<usize>(), 40);
        assert!(found[0] >= "Customer-facing".len(), "{found:?}");
        assert!(found[1] >= "responsible".len() && found[2] >= "responsible".len());
    }

    #[test]
    fn words_that_cannot_stand_side_by_side_give_no_widths() {
        let columns = [column(&["transformation"]), column(&["infrastructure"])];
        assert_eq!(widths(&columns, 27), None);
        assert_eq!(widths(&columns, 28), Some(vec![14, 14]));
    }

    #[test]
    fn the_space_left_goes_where_it_saves_lines() {
        // A short label column and a long text: the text gets all the width it can use.
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let columns = [column(&["Label words here"]), column(&[text])];
        let found = widths(&columns, 60).unwrap();
        let height = |widths: &[usize]| {
            wrap("Label words here", widths[0])
                .len()
                .max(wrap(text, widths[1]).len())
        };
        assert_eq!(height(&found), 2, "{found:?}");
    }

    #[test]
    fn lines_are_counted_as_they_are_wrapped() {
        let lines = [
            "\u{2022} Often the CFO; may be the CTO. [guide]",
            "responsible [brief, guide]; often shared with CTO [guide]",
            "In security work shared with the CTO, the CIO ensures compliance.",
            "one",
        ];
        for line in lines {
            let column = Column {
                cells: vec![vec![line]],
            };
            let mut heights = super::Heights::new(std::slice::from_ref(&column));
            for width in 12..70 {
                assert_eq!(
                    heights.table(&[width]).1,
                    wrap(line, width).len(),
                    "{line:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn bullets_wrap_under_their_text() {
        assert_eq!(
            wrap("\u{2022} Often the CFO; may be the CTO.", 16),
            ["\u{2022} Often the CFO;", "  may be the", "  CTO."]
        );
    }
}
