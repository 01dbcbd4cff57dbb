//! What talks to the browser: storage, the network, focus and printing. Pages and
//! components call these; nothing else touches web APIs.

pub mod browser;
pub mod catalog;
pub mod notices;
pub mod seal;
pub mod sender;
pub mod storage;
