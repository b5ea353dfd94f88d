//! Plain language: measures and checks the letters parents read.

pub mod measure;

#[cfg(test)]
mod tests;
