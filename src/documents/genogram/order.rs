//! The left-to-right order of every row, built by walking the family from
//! one union outwards. Everything reached through a link hangs on one side
//! of it and stays together in every row: a partner's own family beyond
//! the partner, a person's brothers and sisters beyond their partners, each
//! couple's children under that couple. Drawn that way, lines of different
//! links have no reason to cross. Where the family allows more than one
//! such order (which parent is on the left, which side a person's own
//! family goes), [`Flips`] records the choice and the search in
//! `super::search` picks the one that draws best.

use super::kin::Kin;
use super::walk::{Entry, Walk};

/// Left or right.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Side {
    Left,
    Right,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// The choices an order is built from; all `false` or `0` is the plain one.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Flips {
    /// The union the walk starts from in the main part of the family.
    pub root: Option<usize>,
    /// Per union: its two parents the other way round.
    pub swap: Vec<bool>,
    /// Per person: their partners on the other sides.
    pub mirror: Vec<bool>,
    /// Per person: their own family (parents, brothers and sisters) beyond
    /// their partner rather than on their own side.
    pub far: Vec<bool>,
    /// Per person, among their brothers and sisters: 0 as birth order
    /// and their partners suggest, 1 at the left end, 2 at the right end,
    /// 3 in birth order.
    pub end: Vec<u8>,
    /// Per connected part of the family: left of the main part.
    pub part_left: Vec<bool>,
}

impl Flips {
    /// The plain choices, starting from `root`.
    pub fn plain(kin: &Kin, root: Option<usize>) -> Flips {
        let parts = kin.component.iter().max().map_or(0, |m| m + 1);
        Flips {
            root,
            swap: vec![false; kin.unions.len()],
            mirror: vec![false; kin.n],
            far: vec![false; kin.n],
            end: vec![0; kin.n],
            part_left: vec![false; parts],
        }
    }
}

/// The unions a walk of part `part` may start from, best guess first: the
/// one with the most children the case is about, lowest in the drawing.
pub(super) fn roots(kin: &Kin, part: usize, subject: &[bool]) -> Vec<usize> {
    let mut us: Vec<usize> = (0..kin.unions.len())
        .filter(|&u| kin.component[kin.unions[u].parents[0]] == part)
        .collect();
    us.sort_by_key(|&u| {
        let union = &kin.unions[u];
        let subjects = union.kids.iter().filter(|&&k| subject[k]).count();
        let depth = kin.level[union.parents[0]];
        (
            std::cmp::Reverse(subjects),
            union.kids.is_empty(),
            std::cmp::Reverse(depth),
            u,
        )
    });
    us
}

/// Each row's people, left to right.
pub(super) fn rows(kin: &Kin, flips: &Flips, subject: &[bool]) -> Vec<Vec<usize>> {
    let mut walk = Walk {
        kin,
        flips,
        seen_p: vec![false; kin.n],
        seen_u: vec![false; kin.unions.len()],
    };
    let parts = kin.component.iter().max().map_or(0, |m| m + 1);
    let mut all = Block::new(kin.rows);
    for part in 0..parts {
        let root = if part == 0 {
            flips
                .root
                .or_else(|| roots(kin, 0, subject).first().copied())
        } else {
            roots(kin, part, subject).first().copied()
        };
        let mut block = match root {
            Some(u) => walk.root(u),
            None => Block::new(kin.rows),
        };
        // Anyone the walk did not reach (only in a family with a loop, or
        // someone linked to no one) stands at the end of their row.
        for p in 0..kin.n {
            if kin.component[p] == part && !walk.seen_p[p] {
                let (b, far) = walk.person(p, Entry::Alone);
                block.append(b);
                block.append(far);
            }
        }
        if part > 0 && flips.part_left[part] {
            block.append(all);
            all = block;
        } else {
            all.append(block);
        }
    }
    all.rows
}

/// A piece of the drawing: its people, row by row, left to right.
pub(super) struct Block {
    pub rows: Vec<Vec<usize>>,
}

impl Block {
    pub fn new(rows: usize) -> Block {
        Block {
            rows: vec![Vec::new(); rows],
        }
    }

    /// `other` to the right of this, row by row.
    pub fn append(&mut self, other: Block) {
        for (mine, theirs) in self.rows.iter_mut().zip(other.rows) {
            mine.extend(theirs);
        }
    }

    /// The rows above `row`, and the rest.
    pub fn split(self, row: usize) -> (Block, Block) {
        let n = self.rows.len();
        let mut upper = Block::new(n);
        let mut lower = Block::new(n);
        for (r, people) in self.rows.into_iter().enumerate() {
            if r < row {
                upper.rows[r] = people;
            } else {
                lower.rows[r] = people;
            }
        }
        (upper, lower)
    }
}
