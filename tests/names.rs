//! Every public enum names its variants once: `Display`, `FromStr` and
//! serde agree, names are distinct, and an unknown name is an error naming
//! it; and no error prints its cause twice.

use std::fmt::Display;
use std::str::FromStr;

use historiograph::*;

fn check<T>(all: &[T])
where
    T: Copy + PartialEq + std::fmt::Debug + Display + FromStr<Err = Error> + serde::Serialize,
    T: for<'de> serde::Deserialize<'de>,
{
    let mut names: Vec<String> = Vec::new();
    for &x in all {
        let name = x.to_string();
        assert!(!name.is_empty() && !name.contains(' '), "{name:?}");
        assert_eq!(name.parse::<T>(), Ok(x), "{name}");
        let json = serde_json::to_string(&x).expect("serializable");
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<T>(&json).ok(), Some(x), "{json}");
        assert!(!names.contains(&name), "{name} twice");
        names.push(name);
    }
    let wrong = "no-such-name".parse::<T>();
    assert!(
        matches!(&wrong, Err(Error::UnknownName { value, .. }) if value == "no-such-name"),
        "{wrong:?}"
    );
    let message = wrong.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("no-such-name") && message.contains(&names[0]),
        "{message}"
    );
    assert!(serde_json::from_str::<T>("\"no-such-name\"").is_err());
}

#[test]
fn every_enum_names_its_variants_once() {
    check(&Stance::ALL);
    check(&Polarity::ALL);
    check(&Bearing::ALL);
    check(&AttackKind::ALL);
    check(&WorkKind::ALL);
    check(&EvidenceKind::ALL);
    check(&Kind::ALL);
    check(&Role::ALL);
    check(&Precision::ALL);
    check(&Verdict::ALL);
    check(&Acceptance::ALL);
    check(&StandardOfProof::ALL);
    check(&Rating::ALL);
    check(&Gradual::ALL);
    check(&Format::ALL);
    #[cfg(feature = "render")]
    {
        check(&historiograph::render::Shape::ALL);
        check(&historiograph::render::Stroke::ALL);
        check(&historiograph::render::Anchor::ALL);
    }
}

#[test]
fn aliases_are_read_and_never_written() {
    assert_eq!(
        "article_journal".parse::<WorkKind>(),
        Ok(WorkKind::ArticleJournal)
    );
    assert_eq!(WorkKind::ArticleJournal.to_string(), "article-journal");
    assert_eq!(
        "personal-communication".parse::<WorkKind>(),
        Ok(WorkKind::PersonalCommunication)
    );
}

#[test]
fn semantics_read_names_and_iccma_abbreviations() {
    for s in Semantics::ALL {
        assert_eq!(s.to_string().parse::<Semantics>(), Ok(s));
        assert_eq!(s.abbreviation().parse::<Semantics>(), Ok(s));
        assert_eq!(s.name().parse::<Semantics>(), Ok(s));
        let json = serde_json::to_string(&s).expect("serializable");
        assert_eq!(json, format!("\"{s}\""));
    }
    assert!(matches!(
        "ideal-ish".parse::<Semantics>(),
        Err(Error::UnknownName {
            what: "semantics",
            ..
        })
    ));
}

#[test]
fn an_error_says_its_cause_once() {
    // A broken rule in a document: its message names the rule, and the rule
    // is not also the source, so a chain of causes prints it once.
    let text = r#"{"version": 1, "claims": [{"key": "c", "text": "C",
        "explanation": "nowhere", "events": ["e"]}]}"#;
    let error = Corpus::from_json(text).expect_err("unknown keys");
    let message = error.to_string();
    let mut at = std::error::Error::source(&error);
    while let Some(cause) = at {
        let cause_text = cause.to_string();
        assert!(
            !message.contains(&cause_text),
            "{message} repeats {cause_text}"
        );
        at = cause.source();
    }
    assert!(message.contains("unknown"), "{message}");
}
