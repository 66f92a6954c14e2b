//! Language detection from the share of Hangul among the letters of a text.

use super::Lang;

/// A text is Korean when at least this share of its letters are Hangul. Korean
/// postings are full of English tech terms, so the bar is low; a Hangul
/// syllable also stands for two or three Latin letters.
const KOREAN_SHARE: f64 = 0.15;

/// `ko` when Hangul makes up a fair share of the letters, else `en`.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lang {
    let (mut hangul, mut latin) = (0usize, 0usize);
    for text in texts {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, a byte at a time; anything else, a character.
            if bytes[i].is_ascii() {
                latin += usize::from(bytes[i].is_ascii_alphabetic());
                i += 1;
                continue;
            }
            let ch = text[i..].chars().next().unwrap_or_default();
            hangul += usize::from(is_hangul(ch));
            i += ch.len_utf8();
        }
    }
    if hangul == 0 {
        return Lang::En;
    }
    if hangul as f64 / (hangul + latin) as f64 >= KOREAN_SHARE {
        Lang::Ko
    } else {
        Lang::En
    }
}

/// True for Hangul syllables and jamo.
pub fn is_hangul(ch: char) -> bool {
    matches!(ch, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_with_a_korean_name_is_english() {
        let text = "We are hiring a machine learning engineer at 네이버 to build ranking models \
                    with PyTorch and deploy them to production.";
        assert_eq!(detect([text]), Lang::En);
    }

    #[test]
    fn korean_full_of_tech_terms_is_korean() {
        let text = "PyTorch, TensorFlow 기반 딥러닝 모델 개발 경험 3년 이상, Kubernetes 환경에서 \
                    MLOps 파이프라인 구축 경험";
        assert_eq!(detect([text]), Lang::Ko);
    }

    #[test]
    fn no_letters_is_english() {
        assert_eq!(detect(["1234 !!"]), Lang::En);
    }
}
