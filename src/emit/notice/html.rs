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
    let mut header: Vec<Event> = Vec::new();
    let mut body: Vec<Event> = Vec::new();
    let mut toc: Vec<TocEntry> = Vec::new();
    let mut in_body = false;
    // Per open link or image: whether it was kept.
    let mut links: Vec<bool> = Vec::new();
    let mut heading: Option<(String, String)> = None;
    let mut sections = 0;
    for event in Parser::new_ext(markdown, options) {
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
                links.push(keep);
                if !keep {
                    continue;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image { .. }) => {
                links.push(false);
                continue;
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if !links.pop().unwrap_or(false) {
                    continue;
                }
                event
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id,
                classes,
                attrs,
            }) => {
                in_body = true;
                sections += 1;
                let id = id
                    .map(|i| i.to_string())
                    .unwrap_or_else(|| format!("section-{sections}"));
                heading = Some((id.clone(), String::new()));
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((id, title)) = heading.take() {
                    toc.push(TocEntry {
                        id,
                        title: title.trim().to_string(),
                    });
                }
                event
            }
            other => other,
        };
        if let (Some((_, title)), Event::Text(t) | Event::Code(t)) = (&mut heading, &event) {
            title.push_str(t);
        }
        let out = if in_body { &mut body } else { &mut header };
        match &event {
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::from("<div class=\"table-wrap\">\n")));
                out.push(event);
            }
            Event::End(TagEnd::Table) => {
                out.push(event);
                out.push(Event::Html(CowStr::from("</div>\n")));
            }
            _ => out.push(event),
        }
    }
    let mut header_html = String::new();
    pulldown_cmark::html::push_html(&mut header_html, header.into_iter());
    let mut body_html = String::new();
    pulldown_cmark::html::push_html(&mut body_html, body.into_iter());
    Converted {
        header: header_html,
        body: body_html,
        toc,
    }
}
