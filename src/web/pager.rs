//! Paging through a long list: the page shown, and the links to the pages beside it.

use super::i18n::I18n;

/// What the pagination macro shows.
pub struct Pager {
    pub pages: i64,
    pub position: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

/// The page a link asks for: what is not a number is the first page, and numbers beyond any
/// list's size are capped (`page_of` shows the last page for them).
pub fn requested_page(page: &str) -> i64 {
    page.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000)
}

/// The page shown and the number of pages for `total` items, `size` to a page: a page before
/// the first shows the first, one past the end (an old link) the last.
pub fn page_of(requested: i64, total: i64, size: i64) -> (i64, i64) {
    let pages = ((total + size - 1) / size).max(1);
    (requested.clamp(1, pages), pages)
}

impl Pager {
    /// A list that fits on one page: no links.
    pub fn single() -> Pager {
        Pager { pages: 1, position: String::new(), prev_href: None, next_href: None }
    }

    /// Page `page` of `pages`, each reached at `href(n)`.
    pub fn new(i18n: &I18n, page: i64, pages: i64, href: impl Fn(i64) -> String) -> Pager {
        Pager {
            pages,
            position: i18n.t_with("pagination-position", &[("page", page.to_string()), ("pages", pages.to_string())]),
            prev_href: (page > 1).then(|| href(page - 1)),
            next_href: (page < pages).then(|| href(page + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn pages_past_either_end_show_the_nearest() {
        assert_eq!(page_of(1, 0, 20), (1, 1), "an empty list is one page");
        assert_eq!(page_of(2, 20, 20), (1, 1));
        assert_eq!(page_of(2, 21, 20), (2, 2));
        assert_eq!(page_of(0, 45, 20), (1, 3));
        assert_eq!(page_of(99, 45, 20), (3, 3));
    }
}
