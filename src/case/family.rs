//! The family as the genogram will draw it: how many generations its lines
//! of parents span, and whether those links make sense (every parent listed,
//! no one their own ancestor).

use std::collections::BTreeMap;

use super::records::FamilyMember;
use crate::diagnostics::{Finding, nearest};

/// The most generations any line of parents spans (a member without
/// listed parents is the first of their line).
pub fn generation_count(family: &[FamilyMember]) -> u32 {
    let by_id: BTreeMap<&str, &FamilyMember> = family.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut depth: BTreeMap<&str, u32> = BTreeMap::new();
    fn walk<'a>(
        id: &'a str,
        by_id: &BTreeMap<&'a str, &'a FamilyMember>,
        depth: &mut BTreeMap<&'a str, u32>,
        guard: usize,
    ) -> u32 {
        if let Some(d) = depth.get(id) {
            return *d;
        }
        // A loop of parents is reported by `family_links`; stop counting.
        if guard == 0 {
            return 1;
        }
        let d = 1 + by_id.get(id).map_or(0, |m| {
            m.parents
                .iter()
                .filter(|p| by_id.contains_key(p.as_str()))
                .map(|p| walk(p, by_id, depth, guard - 1))
                .max()
                .unwrap_or(0)
        });
        depth.insert(id, d);
        d
    }
    family
        .iter()
        .map(|m| walk(&m.id, &by_id, &mut depth, family.len()))
        .max()
        .unwrap_or(0)
}

/// Every family id is unique and every parent and partner named is in the list.
pub(super) fn family_links(family: &[FamilyMember]) -> Vec<Finding> {
    let ids: Vec<&str> = family.iter().map(|m| m.id.as_str()).collect();
    let mut findings = Vec::new();
    for (i, m) in family.iter().enumerate() {
        if ids.iter().filter(|id| **id == m.id).count() > 1
            && ids.iter().position(|id| *id == m.id) != Some(i)
        {
            findings.push(
                Finding::error(
                    "duplicate-id",
                    format!("family[{i}].id"),
                    format!("the id `{}` is used twice", m.id),
                )
                .help("give each family member their own id"),
            );
        }
        for (j, p) in m.parents.iter().enumerate() {
            if !ids.contains(&p.as_str()) {
                let mut f = Finding::error(
                    "unknown-family-member",
                    format!("family[{i}].parents[{j}]"),
                    format!("`{p}` is not the id of anyone in `family`"),
                );
                if let Some(near) = nearest(p, &ids) {
                    f = f.help(format!("did you mean `{near}`?"));
                }
                findings.push(f);
            } else if p == &m.id {
                findings.push(Finding::error(
                    "unknown-family-member",
                    format!("family[{i}].parents[{j}]"),
                    format!("`{p}` is listed as their own parent"),
                ));
            }
        }
    }
    for (i, m) in family.iter().enumerate() {
        for (j, p) in m.partners.iter().enumerate() {
            let path = format!("family[{i}].partners[{j}].with");
            if p.with == m.id {
                findings.push(Finding::error(
                    "unknown-family-member",
                    path,
                    format!("`{}` is listed as their own partner", p.with),
                ));
            } else if !ids.contains(&p.with.as_str()) {
                let mut f = Finding::error(
                    "unknown-family-member",
                    path,
                    format!("`{}` is not the id of anyone in `family`", p.with),
                );
                if let Some(near) = nearest(&p.with, &ids) {
                    f = f.help(format!("did you mean `{near}`?"));
                }
                findings.push(f);
            }
        }
    }
    if let Some(i) = first_in_a_loop(family) {
        findings.push(
            Finding::error(
                "family-loop",
                format!("family[{i}].parents"),
                format!(
                    "`{}` is their own ancestor: the parents listed go round in a loop",
                    family[i].id
                ),
            )
            .help("check the `parents` of the people in the loop"),
        );
    }
    findings
}

/// The index of a member whose line of parents leads back to them, if any.
fn first_in_a_loop(family: &[FamilyMember]) -> Option<usize> {
    let index: BTreeMap<&str, usize> = family
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state = vec![0u8; family.len()];
    fn visit(
        i: usize,
        family: &[FamilyMember],
        index: &BTreeMap<&str, usize>,
        state: &mut [u8],
    ) -> bool {
        match state[i] {
            1 => return true,
            2 => return false,
            _ => {}
        }
        state[i] = 1;
        for p in &family[i].parents {
            if let Some(&j) = index.get(p.as_str())
                && j != i
                && visit(j, family, index, state)
            {
                return true;
            }
        }
        state[i] = 2;
        false
    }
    (0..family.len()).find(|&i| state[i] == 0 && visit(i, family, &index, &mut state))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, parents: &[&str]) -> FamilyMember {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "name": id,
            "parents": parents,
        }))
        .unwrap()
    }

    #[test]
    fn generations_are_counted_along_the_longest_line_of_parents() {
        let family = [
            member("gran", &[]),
            member("mum", &["gran"]),
            member("dad", &[]),
            member("child", &["mum", "dad"]),
            member("aunt", &["gran"]),
        ];
        assert_eq!(generation_count(&family), 3);
        assert_eq!(generation_count(&family[2..3]), 1);
        assert_eq!(generation_count(&[]), 0);
        // Parents outside the list do not count.
        assert_eq!(generation_count(&[member("child", &["nobody"])]), 1);
    }

    #[test]
    fn bad_links_are_errors_and_counting_still_ends() {
        let looped = [member("a", &["b"]), member("b", &["a"])];
        // Bounded, whatever the answer: the finding is what matters.
        assert!(generation_count(&looped) <= 3);
        let codes =
            |f: &[FamilyMember]| -> Vec<&str> { family_links(f).iter().map(|x| x.code).collect() };
        assert_eq!(codes(&looped), ["family-loop"]);
        assert_eq!(codes(&[member("a", &["a"])]), ["unknown-family-member"]);
        let typo = family_links(&[member("mum", &[]), member("kid", &["mun"])]);
        assert_eq!(typo[0].code, "unknown-family-member");
        assert_eq!(typo[0].path, "family[1].parents[0]");
        assert_eq!(typo[0].help.as_deref(), Some("did you mean `mum`?"));
        assert_eq!(
            codes(&[member("x", &[]), member("x", &[])]),
            ["duplicate-id"]
        );
    }
}
