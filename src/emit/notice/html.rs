//! The HTML notice: the Markdown notice converted with pulldown-cmark, made safe, and split into the
//! header (the title and what precedes the first section) and the body, with a table of contents of
//! the sections. The page around them is the `page.html.j2` template.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::markdown::safe_href;

#[derive(Serialize)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
}

pub struct Converted {
    pub header: String,
    pub body: String,
    pub toc: Vec<TocEntry>,
}

pub fn convert(markdown: &str) -> Converted {
    let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events = Safe {
        parser: Parser::new_ext(markdown, options),
        pending: std::collections::VecDeque::new(),
        links: Vec::new(),
        heading: None,
        sections: 0,
        toc: Vec::new(),
        in_body: false,
    };
    // The events are written as they are read: a notice's events collected first held about half a
    // gigabyte for a 27 MB policy (heaptrack, issue 14).
    let mut header = String::new();
    let mut first_of_body = None;
    pulldown_cmark::html::push_html(
        &mut header,
        std::iter::from_fn(|| match events.next_event()? {
            (false, event) => Some(event),
            (true, event) => {
                first_of_body = Some(event);
                None
            }
        }),
    );
    let mut body = String::new();
    pulldown_cmark::html::push_html(
        &mut body,
        first_of_body
            .into_iter()
            .chain(std::iter::from_fn(|| events.next_event().map(|(_, e)| e))),
    );
    Converted {
        header,
        body,
        toc: events.toc,
    }
}

/// The notice's events, made safe, with the sections' ids and the table of contents.
struct Safe<'a> {
    parser: Parser<'a>,
    /// Events to give before reading on (a table's wrapper around it).
    pending: std::collections::VecDeque<Event<'a>>,
    /// Per open link or image: whether it was kept.
    links: Vec<bool>,
    heading: Option<(String, String)>,
    sections: usize,
    toc: Vec<TocEntry>,
    /// From the first section on: the events are the body's, not the header's.
    in_body: bool,
}

impl<'a> Safe<'a> {
    /// The next event, and whether it belongs to the body.
    fn next_event(&mut self) -> Option<(bool, Event<'a>)> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some((self.in_body, event));
            }
            let event = self.parser.next()?;
            if let Some(event) = self.transform(event) {
                match &event {
                    Event::Start(Tag::Table(_)) => {
                        self.pending
                            .push_back(Event::Html(CowStr::from("<div class=\"table-wrap\">\n")));
                        self.pending.push_back(event);
                    }
                    Event::End(TagEnd::Table) => {
                        self.pending.push_back(event);
                        self.pending
                            .push_back(Event::Html(CowStr::from("</div>\n")));
                    }
                    _ => self.pending.push_back(event),
                }
            }
        }
    }

    /// The event as the notice shows it, or `None` for one it leaves out.
    fn transform(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        let event = match event {
            // Raw HTML never passes: policy strings cannot produce it (they are escaped), and a
            // template's is shown as text.
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // An e-mail autolink's target is the bare address; the writer adds `mailto:`.
                let keep = match link_type {
                    LinkType::Email => safe_href(&format!("mailto:{dest_url}")),
                    _ => safe_href(&dest_url),
                };
                self.links.push(keep);
                if !keep {
                    return None;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image { .. }) => {
                self.links.push(false);
                return None;
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if !self.links.pop().unwrap_or(false) {
                    return None;
                }
                event
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id,
                classes,
                attrs,
            }) => {
                self.in_body = true;
                self.sections += 1;
                let id = id
                    .map(|i| i.to_string())
                    .unwrap_or_else(|| format!("section-{}", self.sections));
                self.heading = Some((id.clone(), String::new()));
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((id, title)) = self.heading.take() {
                    self.toc.push(TocEntry {
                        id,
                        title: title.trim().to_string(),
                    });
                }
                event
            }
            other => other,
        };
        if let (Some((_, title)), Event::Text(t) | Event::Code(t)) = (&mut self.heading, &event) {
            title.push_str(t);
        }
        Some(event)
    }
}
