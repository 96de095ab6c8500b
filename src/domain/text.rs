//! Text for finding and ordering people the same way on SQLite and PostgreSQL: SQLite's
//! `LOWER()` knows only ASCII and the two databases sort Æ, Ø and Å differently, so both the
//! search text and the sort key are made here and stored with the person.

/// What a search matches: name, e-mail and employee number, lowercased.
pub fn search_text(name: &str, email: &str, employee_number: &str) -> String {
    format!("{}\n{}\n{}", name.to_lowercase(), email.to_lowercase(), employee_number.to_lowercase())
}

/// A search reads at most this many characters; the rest is ignored. Names, e-mails and employee
/// numbers are far shorter, and SQL pattern lengths are bounded.
pub const MAX_SEARCH_CHARS: usize = 200;

/// A search as typed, cut to [`MAX_SEARCH_CHARS`] (what the search box shows again).
pub fn capped_search(input: &str) -> String {
    input.trim().chars().take(MAX_SEARCH_CHARS).collect()
}

/// A search as typed, ready for `LIKE '%' || $1 || '%'`: lowercased, wildcards removed, and the
/// backslash too (PostgreSQL's `LIKE` escapes with it, SQLite's does not).
pub fn search_query(input: &str) -> String {
    input.trim().to_lowercase().replace(['%', '_', '\n', '\\'], "")
}

/// Orders names the Norwegian way, A–Z then Æ, Ø, Å, by byte comparison on either database.
pub fn sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            'é' | 'è' | 'ê' => 'e',
            'á' | 'à' => 'a',
            'ü' => 'y',
            c => c,
        })
        .collect()
}

/// A cell for a CSV file that a spreadsheet will not read as a formula: one that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe.
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_letters_search_and_sort_after_z() {
        assert!(search_text("Øyvind Strand", "oyvind@etat.no", "A-7").contains(&search_query(" ØYVIND ")));
        assert_eq!(search_query("50%_off"), "50off");
        assert_eq!(search_query("a\\b"), "ab");
        assert_eq!(capped_search(&"ø".repeat(50_000)).chars().count(), MAX_SEARCH_CHARS);
        assert_eq!(capped_search("  Lars "), "Lars");
        let mut names = vec!["Åse", "Øyvind", "Zofia", "Ærlig", "Anders", "Émile"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["Anders", "Émile", "Zofia", "Ærlig", "Øyvind", "Åse"]);
    }

    #[test]
    fn spreadsheet_formulas_are_made_harmless() {
        for bad in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx"] {
            assert_eq!(spreadsheet_safe(bad), format!("'{bad}"));
        }
        assert_eq!(spreadsheet_safe("Kari = leder"), "Kari = leder");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
