//! A guard in front of the server's input. tower-lsp-server stops reading after the first frame it
//! cannot decode (its framed reader ends the stream on an error), so a single malformed message would
//! end the session. This task reads the frames itself and passes only well-formed JSON on; a frame
//! that is not JSON becomes a `$/vern/malformed` notification, which the server logs and ignores.

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};

/// Frames larger than this are refused (and the rest of the input with them is skipped).
const MAX_FRAME: usize = 64 * 1024 * 1024;

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
            if length > MAX_FRAME {
                break;
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).await.is_err() {
                break;
            }
            let body = match serde_json::from_slice::<Value>(&body) {
                Ok(v) if v.is_object() => body,
                _ => serde_json::json!({ "jsonrpc": "2.0", "method": MALFORMED, "params": { "bytes": length } })
                    .to_string()
                    .into_bytes(),
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

/// The Content-Length of the next frame; headers without one are skipped. `None` at end of input.
async fn read_header(reader: &mut (impl AsyncBufReadExt + Unpin)) -> Option<usize> {
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length:") {
                length = n.trim().parse().ok();
            }
        }
        if length.is_some() {
            return length;
        }
    }
}
