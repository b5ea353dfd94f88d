//! Choosing among the orders a family can be drawn in: start from each
//! likely union, then change one choice at a time (which parent is on the
//! left, which side a person's partners or own family go, where a child
//! stands among their brothers and sisters) and keep any change that makes
//! the layout better, until none does. Every candidate is laid out in full
//! and judged on its geometry, so the choice is by what is actually drawn.

use super::draw::{Cost, Input, draw};
use super::order::{Flips, roots};
use super::shapes::Layout;

/// How many layouts the search may try: enough for every choice of a
/// large family several times over, little enough to stay well under a
/// second in a release build.
const TRIES: usize = 1500;

/// One choice the search can change.
#[derive(Debug, Clone, Copy)]
enum Choice {
    Root,
    Swap(usize),
    Mirror(usize),
    Far(usize),
    End(usize),
    PartLeft(usize),
}

/// Every way `flips` differs from itself in `choice` alone.
fn variants(choice: Choice, flips: &Flips, starts: &[usize]) -> Vec<Flips> {
    let mut out = Vec::new();
    let mut with = |f: &dyn Fn(&mut Flips)| {
        let mut next = flips.clone();
        f(&mut next);
        out.push(next);
    };
    match choice {
        Choice::Root => {
            for &u in starts {
                if flips.root != Some(u) {
                    with(&|f| f.root = Some(u));
                }
            }
        }
        Choice::Swap(u) => with(&|f| f.swap[u] = !f.swap[u]),
        Choice::Mirror(p) => with(&|f| f.mirror[p] = !f.mirror[p]),
        Choice::Far(p) => with(&|f| f.far[p] = !f.far[p]),
        Choice::End(p) => {
            for e in 0..4u8 {
                if flips.end[p] != e {
                    with(&|f| f.end[p] = e);
                }
            }
        }
        Choice::PartLeft(c) => with(&|f| f.part_left[c] = !f.part_left[c]),
    }
    out
}

/// The best layout found.
pub(super) fn best(input: &Input) -> Layout {
    let kin = input.kin;
    let starts = roots(kin, 0, input.subject);
    let mut tries = 0;
    let mut best: Option<(Cost, Flips, Layout)> = None;
    let first: Vec<Option<usize>> = if starts.is_empty() {
        vec![None]
    } else {
        starts.iter().map(|&u| Some(u)).collect()
    };
    for root in first {
        let flips = Flips::plain(kin, root);
        let (layout, cost) = draw(input, &flips);
        tries += 1;
        if best.as_ref().is_none_or(|b| cost.better(&b.0)) {
            best = Some((cost, flips, layout));
        }
    }
    let mut best = best.expect("at least one start is always tried");
    let mut choices = vec![Choice::Root];
    for (u, union) in kin.unions.iter().enumerate() {
        if union.parents.len() == 2 {
            choices.push(Choice::Swap(u));
        }
    }
    for p in 0..kin.n {
        if !kin.own[p].is_empty() {
            choices.push(Choice::Mirror(p));
            if kin.origin[p].is_some() {
                choices.push(Choice::Far(p));
            }
        }
        if kin.origin[p].is_some() {
            choices.push(Choice::End(p));
        }
    }
    for c in 1..kin.component.iter().max().map_or(0, |m| m + 1) {
        choices.push(Choice::PartLeft(c));
    }
    'search: loop {
        let mut better = false;
        for &choice in &choices {
            for flips in variants(choice, &best.1, &starts) {
                if tries >= TRIES {
                    break 'search;
                }
                tries += 1;
                let (layout, cost) = draw(input, &flips);
                if cost.better(&best.0) {
                    best = (cost, flips, layout);
                    better = true;
                }
            }
        }
        if !better {
            break;
        }
    }
    best.2
}
