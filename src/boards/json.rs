//! Reading a board's JSON leniently (a number where a string was expected is
//! fine, an unknown field is ignored) and failing precisely: every message
//! names the field that is missing or the shape that was wrong.

use serde_json::{Map, Value};

pub type Object = Map<String, Value>;

/// The answer from `api` as JSON.
pub fn parse(text: &str, api: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("the answer from {api} is not JSON ({e})"))
}

/// "an array", "a string"...: what a value is, for messages.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `v` as an object, or a message that `what` was something else.
pub fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Object, String> {
    v.as_object()
        .ok_or_else(|| format!("expected {what} as a JSON object, got {}", kind(v)))
}

/// A field as text: a non-blank string, or a number.
pub fn text(map: &Object, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A field that must be text; `what` says what it is ("its title").
pub fn required_text(map: &Object, key: &str, what: &str) -> Result<String, String> {
    match map.get(key) {
        None | Some(Value::Null) => Err(format!("the posting has no `{key}` ({what})")),
        Some(v) => text(map, key).ok_or_else(|| {
            format!(
                "the posting's `{key}` ({what}) is {}, not text",
                describe(v)
            )
        }),
    }
}

/// "empty" for a blank string, else what the value is.
fn describe(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "empty",
        other => kind(other),
    }
}

/// A field holding a posting's text (HTML or plain): absent, null or blank
/// is `None`; anything but a string is an error naming the field.
pub fn body(map: &Object, key: &str) -> Result<Option<String>, String> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok((!s.trim().is_empty()).then(|| s.clone())),
        Some(other) => Err(format!(
            "the posting's `{key}` is {}, not text",
            kind(other)
        )),
    }
}

/// A field that must be an array, named in the error as `name`.
pub fn array<'a>(map: &'a Object, key: &str, name: &str) -> Result<&'a Vec<Value>, String> {
    match map.get(key) {
        Some(Value::Array(items)) => Ok(items),
        None | Some(Value::Null) => Err(format!("the answer has no `{key}` ({name})")),
        Some(other) => Err(format!(
            "the answer's `{key}` is {}, not a list",
            kind(other)
        )),
    }
}

/// A place: a string, or an object with a `name`.
pub fn place(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(m) => text(m, "name"),
        _ => None,
    }
}
