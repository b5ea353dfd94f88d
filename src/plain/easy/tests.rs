//! Easy Read breaches, each at its field.

use super::*;

fn typed(text: &str, field: &str) -> EasyText {
    EasyText {
        text: text.into(),
        field: Some(field.into()),
    }
}

#[test]
fn a_long_sentence_capitals_number_words_and_an_unexplained_hard_word_are_breaches_at_their_field()
{
    let profile = crate::profile::default_profile();
    let texts = [
        typed(
            "Maisie and Leo are often left at home without an adult to look after them in the evening.",
            "worries[0].worry",
        ),
        typed("Leo missed THREE appointments.", "worries[2].worry"),
        typed("Leo missed three appointments.", "worries[3].worry"),
        typed("We will hold a CP plan review.", "plan[0].action"),
        typed("A solicitor will help you.", "support[0].what"),
    ];
    let found = breaches(profile, &texts);
    let at = |f: &str| -> Vec<&str> {
        found
            .iter()
            .filter(|b| b.field.as_deref() == Some(f))
            .map(|b| b.rule)
            .collect()
    };
    assert_eq!(at("worries[0].worry"), ["long"]);
    assert!(
        found[0]
            .what
            .starts_with("18 words; Easy Read sentences have 15 or fewer"),
        "{:?}",
        found[0]
    );
    assert_eq!(at("worries[2].worry"), ["capitals"]);
    assert_eq!(at("worries[3].worry"), ["number-words"]);
    assert!(at("plan[0].action").contains(&"hard-word"), "{found:?}");
    assert!(at("plan[0].action").contains(&"capitals"), "{found:?}");
    assert!(
        at("support[0].what").is_empty(),
        "a solicitor is explained: {found:?}"
    );
}
