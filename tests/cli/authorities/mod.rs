//! One built-in profile per seed authority, each against dates worked out
//! by hand from its own procedure's text, on a fictional case that names
//! the profile (`tests/fixtures/authorities/`).

mod blackpool;
mod metropolitan_looked_after;
mod procedures_manual_2023;
mod wokingham;
