//! The walk that builds the row orders: from a union out to everyone
//! reached through it, each person's partners, children and own family
//! placed on the side `super::order::Flips` chooses, every link's people
//! kept together in every row.

use super::kin::Kin;
use super::order::{Block, Flips, Side};

/// How the walk reached a person.
#[derive(Clone, Copy)]
pub(super) enum Entry {
    /// From the union they hang from; the side they would rather have
    /// their partners on.
    Above(Side),
    /// From a union with a partner on this side of them.
    Partner(Side),
    /// From one of their children, as a lone parent, or not at all.
    Alone,
}

pub(super) struct Walk<'a> {
    pub kin: &'a Kin,
    pub flips: &'a Flips,
    pub seen_p: Vec<bool>,
    pub seen_u: Vec<bool>,
}

impl Walk<'_> {
    /// Person `p` and everything reached through them but not through
    /// `entry`; and what belongs beyond their partner (the far side).
    pub fn person(&mut self, p: usize, entry: Entry) -> (Block, Block) {
        let kin = self.kin;
        let rows = kin.rows;
        self.seen_p[p] = true;
        let mut partnered = Vec::new();
        let mut lone = Vec::new();
        for &u in &kin.own[p] {
            if self.seen_u[u] {
                continue;
            }
            match kin.partner(u, p) {
                Some(q) if !self.seen_p[q] => partnered.push(u),
                _ => lone.push(u),
            }
        }
        partnered.sort_by_key(|&u| (kin.first_born(u).is_none(), kin.first_born(u), u));
        // Nearest first on each side; earlier partners further left.
        let (mut left, mut right): (Vec<usize>, Vec<usize>) = match entry {
            Entry::Partner(Side::Right) => (partnered.iter().rev().copied().collect(), Vec::new()),
            Entry::Partner(Side::Left) => (Vec::new(), partnered),
            _ => {
                let on_left = partnered.len() / 2;
                (
                    partnered[..on_left].iter().rev().copied().collect(),
                    partnered[on_left..].to_vec(),
                )
            }
        };
        let mirror = self.flips.mirror[p] ^ matches!(entry, Entry::Above(Side::Left));
        if mirror && !matches!(entry, Entry::Partner(_)) {
            std::mem::swap(&mut left, &mut right);
        }
        // Where their own family goes: away from the partner they were
        // reached from, or beyond that partner when flipped.
        let origin = kin.origin[p].filter(|&o| !self.seen_u[o]);
        let (origin_side, origin_far) = match entry {
            Entry::Above(_) => (Side::Left, false),
            Entry::Partner(s) if self.flips.far[p] => (s, true),
            Entry::Partner(s) => (s.other(), false),
            Entry::Alone if self.flips.far[p] => (Side::Right, false),
            Entry::Alone => (Side::Left, false),
        };
        let mut to_left = Block::new(rows);
        let mut to_right = Block::new(rows);
        let mut left_blocks = Vec::new();
        for u in left {
            let (b, far) = self.union_down(u, p, Some(Side::Left));
            left_blocks.push(b);
            to_right.append(far);
        }
        let mut lone_blocks = Vec::new();
        for u in lone {
            lone_blocks.push(self.union_down(u, p, None).0);
        }
        let mut right_blocks = Vec::new();
        for u in right {
            let (b, far) = self.union_down(u, p, Some(Side::Right));
            right_blocks.push(b);
            let mut outer = far;
            outer.append(to_left);
            to_left = outer;
        }
        let origin_block = origin.map(|o| self.union_up(o, p, origin_side));
        let mut main = to_left;
        let mut far = Block::new(rows);
        let (mut before, mut after) = (None, None);
        match (origin_block, origin_far) {
            (Some(b), true) => far = b,
            (Some(b), false) if origin_side == Side::Left => before = Some(b),
            (Some(b), _) => after = Some(b),
            (None, _) => {}
        }
        if let Some(b) = before {
            main.append(b);
        }
        for b in left_blocks.into_iter().rev() {
            main.append(b);
        }
        main.rows[kin.level[p]].push(p);
        for b in lone_blocks.into_iter().chain(right_blocks) {
            main.append(b);
        }
        if let Some(b) = after {
            main.append(b);
        }
        main.append(to_right);
        (main, far)
    }

    /// Union `u` seen from its parent `p`, placed on `side` of `p` (or
    /// under `p` for a lone parent): the other parent and the children;
    /// and what belongs on the other side of `p`.
    fn union_down(&mut self, u: usize, p: usize, side: Option<Side>) -> (Block, Block) {
        let rows = self.kin.rows;
        self.seen_u[u] = true;
        let q = self.kin.partner(u, p).filter(|&q| !self.seen_p[q]);
        let (up_left, kids, up_right) = self.kids(u);
        let (qb, qfar) = match (q, side) {
            (Some(q), Some(s)) => self.person(q, Entry::Partner(s.other())),
            _ => (Block::new(rows), Block::new(rows)),
        };
        let mut block = Block::new(rows);
        let mut far = qfar;
        match side {
            Some(Side::Right) => {
                block.append(kids);
                block.append(qb);
                block.append(up_right);
                far.append(up_left);
            }
            Some(Side::Left) => {
                block.append(up_left);
                block.append(qb);
                block.append(kids);
                far.append(up_right);
            }
            None => {
                block.append(up_left);
                block.append(kids);
                block.append(up_right);
            }
        }
        (block, far)
    }

    /// The union `o` that `k` hangs from, placed on `side` of `k`: the
    /// parents above and `k`'s brothers and sisters.
    fn union_up(&mut self, o: usize, k: usize, side: Side) -> Block {
        let kin = self.kin;
        let rows = kin.rows;
        self.seen_u[o] = true;
        let _ = k;
        let mut parents: Vec<usize> = kin.unions[o]
            .parents
            .iter()
            .copied()
            .filter(|&q| !self.seen_p[q])
            .collect();
        if self.flips.swap[o] {
            parents.reverse();
        }
        let (up_left, kids, up_right) = self.kids(o);
        let mut block = Block::new(rows);
        let mut outer = Block::new(rows);
        let mut inner = Block::new(rows);
        match parents[..] {
            [a, b] => {
                let (ab, afar) = self.person(a, Entry::Partner(Side::Right));
                let (bb, bfar) = self.person(b, Entry::Partner(Side::Left));
                inner.append(ab);
                inner.append(kids);
                inner.append(bb);
                outer.append(afar);
                outer.append(bfar);
            }
            [a] => {
                let (ab, afar) = self.person(a, Entry::Alone);
                inner.append(ab);
                inner.append(kids);
                outer.append(afar);
            }
            _ => inner.append(kids),
        }
        outer.append(up_left);
        outer.append(up_right);
        if side == Side::Left {
            block.append(outer);
            block.append(inner);
        } else {
            block.append(inner);
            block.append(outer);
        }
        block
    }

    /// The union the walk starts from.
    pub fn root(&mut self, u: usize) -> Block {
        let kin = self.kin;
        let rows = kin.rows;
        let mut parents = kin.unions[u].parents.clone();
        if self.flips.swap[u] {
            parents.reverse();
        }
        let [a, b] = parents[..] else {
            // A lone parent: their children come out under them.
            let (mut block, far) = self.person(parents[0], Entry::Alone);
            block.append(far);
            return block;
        };
        self.seen_u[u] = true;
        self.seen_p[a] = true;
        self.seen_p[b] = true;
        let (up_left, kids, up_right) = self.kids(u);
        let (ab, afar) = self.person(a, Entry::Partner(Side::Right));
        let (bb, bfar) = self.person(b, Entry::Partner(Side::Left));
        let mut block = bfar;
        block.append(up_left);
        block.append(ab);
        block.append(kids);
        block.append(bb);
        block.append(up_right);
        block.append(afar);
        let _ = rows;
        block
    }

    /// The children of `u` not yet placed, in order, each with all they
    /// bring; split into what sits in their parents' rows and above (for
    /// the left and right outside) and the rest.
    fn kids(&mut self, u: usize) -> (Block, Block, Block) {
        let kin = self.kin;
        let rows = kin.rows;
        let kids: Vec<usize> = kin.unions[u]
            .kids
            .iter()
            .copied()
            .filter(|&k| !self.seen_p[k])
            .collect();
        // A child whose partner has a family of their own drawn goes to an
        // end of the row of children, partner outwards, so that family's
        // lines need not cross their brothers' and sisters'.
        let mut anchored = 0;
        let mut ends = Vec::new();
        for &k in &kids {
            let brings_family = kin.own[k].iter().any(|&v| {
                kin.partner(v, k)
                    .is_some_and(|q| kin.origin[q].is_some() && !self.seen_p[q])
            });
            let end = match self.flips.end[k] {
                1 => Some(Side::Left),
                2 => Some(Side::Right),
                3 => None,
                _ if brings_family => {
                    anchored += 1;
                    Some(if anchored % 2 == 1 {
                        Side::Right
                    } else {
                        Side::Left
                    })
                }
                _ => None,
            };
            ends.push((k, end));
        }
        let order: Vec<(usize, Side)> = ends
            .iter()
            .filter(|e| e.1 == Some(Side::Left))
            .map(|e| (e.0, Side::Left))
            .chain(
                ends.iter()
                    .filter(|e| e.1.is_none())
                    .map(|e| (e.0, Side::Right)),
            )
            .chain(
                ends.iter()
                    .filter(|e| e.1 == Some(Side::Right))
                    .map(|e| (e.0, Side::Right)),
            )
            .collect();
        let mut up_left = Block::new(rows);
        let mut lower = Block::new(rows);
        let mut up_right = Block::new(rows);
        for (k, prefer) in order {
            if self.seen_p[k] {
                continue;
            }
            let (b, far) = self.person(k, Entry::Above(prefer));
            let (up, low) = b.split(kin.level[k]);
            lower.append(low);
            let (far_up, far_low) = far.split(kin.level[k]);
            lower.append(far_low);
            if prefer == Side::Left {
                up_left.append(up);
                up_left.append(far_up);
            } else {
                up_right.append(up);
                up_right.append(far_up);
            }
        }
        (up_left, lower, up_right)
    }
}
