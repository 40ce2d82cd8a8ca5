//! The queries: each command's answer as a typed report, from the knowledge base.
//!
//! [`select`] decides which sections a view shows and narrows a role to them; [`facts`] walks
//! a role's facts; [`occupations`] the occupations their codes link to and the figures those
//! carry; each command's module builds its answer from them, and the document it
//! renders as (`report`).

pub mod compare;
pub mod facts;
pub mod graph;
pub mod init;
pub mod list;
pub mod matrix;
pub mod occupations;
pub mod origin;
pub mod search;
pub mod select;
pub mod show;
pub mod validate;
