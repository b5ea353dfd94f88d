//! Heights for the horizontal lines in the space between two rows (a
//! channel). Each line there has verticals coming down onto it from above
//! (a parents' drop) and verticals going down from it (to children, or to
//! partners in the row below). A line must sit below any other line whose
//! span one of its down-from-above verticals passes, and above any whose
//! span one of its going-down verticals passes; lines whose spans overlap
//! need different heights. Solved in that order, no two cross. When the
//! order itself is contradictory (a loop), one constraint is dropped and the
//! crossing that follows is left for the search to avoid.

/// One horizontal line of a channel and the verticals that meet it.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    /// Left and right ends of the horizontal, mm.
    pub span: (f64, f64),
    /// x of verticals coming down from above onto it.
    pub ups: Vec<f64>,
    /// x-ranges of lines going down from it (a range for a slanted twin
    /// line).
    pub downs: Vec<(f64, f64)>,
    /// A line over the row joining partners: kept low, near its row.
    pub low: bool,
    /// Its height: 0 is the top of the channel.
    pub level: usize,
}

/// How close two things may come before they count as meeting, mm.
const NEAR: f64 = 0.8;

/// Gives every element a level; returns how many levels the channel has.
pub(super) fn assign(elems: &mut [Elem]) -> usize {
    let n = elems.len();
    let within = |x: f64, s: (f64, f64)| x >= s.0 - NEAR && x <= s.1 + NEAR;
    let overlaps = |a: (f64, f64), b: (f64, f64)| a.0 <= b.1 + NEAR && b.0 <= a.1 + NEAR;
    // above[a] lists the elements that must be below a.
    let mut below: Vec<Vec<usize>> = vec![Vec::new(); n];
    for a in 0..n {
        for b in 0..n {
            if a == b {
                continue;
            }
            let a_up_in_b = elems[a].ups.iter().any(|&x| within(x, elems[b].span));
            let b_down_in_a = elems[b].downs.iter().any(|&d| overlaps(d, elems[a].span));
            if (a_up_in_b || b_down_in_a) && !below[a].contains(&b) {
                below[a].push(b);
            }
        }
    }
    // Order with the constraints; a loop loses the constraints into the
    // element that breaks it.
    let mut indegree = vec![0usize; n];
    for bs in &below {
        for &b in bs {
            indegree[b] += 1;
        }
    }
    let mut done = vec![false; n];
    let mut order = Vec::new();
    while order.len() < n {
        let next = (0..n)
            .find(|&i| !done[i] && indegree[i] == 0)
            .or_else(|| (0..n).find(|&i| !done[i]));
        let Some(i) = next else { break };
        done[i] = true;
        order.push(i);
        for &b in &below[i] {
            indegree[b] = indegree[b].saturating_sub(1);
        }
    }
    let position: Vec<usize> = {
        let mut p = vec![0; n];
        for (k, &i) in order.iter().enumerate() {
            p[i] = k;
        }
        p
    };
    let mut level = vec![0usize; n];
    for (k, &i) in order.iter().enumerate() {
        let mut l = order[..k]
            .iter()
            .filter(|&&a| below[a].contains(&i))
            .map(|&a| level[a] + 1)
            .max()
            .unwrap_or(0);
        while order[..k]
            .iter()
            .any(|&o| level[o] == l && overlaps(elems[o].span, elems[i].span))
        {
            l += 1;
        }
        level[i] = l;
    }
    let count = level.iter().max().map_or(0, |m| m + 1);
    // Lines over a row sink as low as their constraints allow.
    for &i in order.iter().rev() {
        if !elems[i].low {
            continue;
        }
        let cap = below[i]
            .iter()
            .filter(|&&b| position[b] > position[i])
            .map(|&b| level[b])
            .min()
            .map_or(count - 1, |m| m.saturating_sub(1));
        let floor = level[i];
        let mut l = cap;
        while l > floor
            && (0..n).any(|o| o != i && level[o] == l && overlaps(elems[o].span, elems[i].span))
        {
            l -= 1;
        }
        if l > floor
            && !(0..n).any(|o| o != i && level[o] == l && overlaps(elems[o].span, elems[i].span))
        {
            level[i] = l;
        }
    }
    for (e, l) in elems.iter_mut().zip(level) {
        e.level = l;
    }
    count
}
