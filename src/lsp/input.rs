//! A guard in front of the server's input. tower-lsp-server stops reading after the first frame it
//! cannot decode (its framed reader ends the stream on an error), so a single malformed message would
//! end the session. This task reads the frames itself and passes only well-formed JSON on; a frame
//! that is not JSON becomes a `$/vern/malformed` notification, which the server logs and ignores. A
//! frame larger than the limit is skipped without being held in memory (its bytes are read and
//! dropped), and reported the same way; a header without a usable Content-Length is skipped.

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};

/// Frames larger than this are skipped: four times the largest source file vern reads.
pub const MAX_FRAME: usize = 128 * 1024 * 1024;

pub const MALFORMED: &str = "$/vern/malformed";

/// Reads LSP frames from `input` and returns a reader of sanitised frames.
pub fn guard(input: impl AsyncRead + Unpin + Send + 'static) -> tokio::io::DuplexStream {
    let (theirs, mut ours) = tokio::io::duplex(1 << 16);
    tokio::spawn(async move {
        let mut reader = BufReader::new(input);
        loop {
            let Some(length) = read_header(&mut reader).await else {
                break;
            };
            let body = if length > MAX_FRAME {
                let skipped = tokio::io::copy(
                    &mut (&mut reader).take(length as u64),
                    &mut tokio::io::sink(),
                )
                .await;
                if skipped.map_or(true, |n| n < length as u64) {
                    break;
                }
                malformed(length, "larger than the limit of 128 MiB")
            } else {
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).await.is_err() {
                    break;
                }
                match serde_json::from_slice::<Value>(&body) {
                    Ok(v) if v.is_object() => body,
                    Ok(_) => malformed(length, "JSON, but not an object"),
                    Err(_) => malformed(length, "not JSON"),
                }
            };
            let frame = format!("Content-Length: {}\r\n\r\n", body.len());
            if ours.write_all(frame.as_bytes()).await.is_err()
                || ours.write_all(&body).await.is_err()
            {
                break;
            }
        }
    });
    theirs
}

/// The notification that stands in for a frame that was dropped.
fn malformed(bytes: usize, why: &str) -> Vec<u8> {
    serde_json::json!({ "jsonrpc": "2.0", "method": MALFORMED, "params": { "bytes": bytes, "why": why } })
        .to_string()
        .into_bytes()
}

/// The longest header line kept; the rest of a longer one is read and dropped.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// The Content-Length of the next frame; headers without one are skipped. `None` at end of input.
/// The header is also found at the end of a line (after the body of a frame whose length was
/// wrong), so the stream gets back in step at the next well-formed frame.
async fn read_header(reader: &mut (impl AsyncBufReadExt + Unpin)) -> Option<usize> {
    loop {
        let mut length = None;
        loop {
            let line = read_line(reader).await?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(at) = line.rfind("Content-Length:") {
                length = line[at + "Content-Length:".len()..].trim().parse().ok();
            }
        }
        if length.is_some() {
            return length;
        }
    }
}

/// One line, at most `MAX_HEADER_LINE` bytes of it; `None` at end of input.
async fn read_line(reader: &mut (impl AsyncBufReadExt + Unpin)) -> Option<String> {
    let mut line = Vec::new();
    let n = (&mut *reader)
        .take(MAX_HEADER_LINE)
        .read_until(b'\n', &mut line)
        .await
        .ok()?;
    if n == 0 {
        return None;
    }
    if line.last() != Some(&b'\n') {
        // Too long: drop the rest of it.
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let m = (&mut *reader)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut rest)
                .await
                .ok()?;
            if m == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
    }
    Some(String::from_utf8_lossy(&line).into_owned())
}
