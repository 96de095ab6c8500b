//! samspill: a self-hosted web application for remote leadership and active employeeship.
//!
//! Layers: `web` (routes, handlers, templates: thin) → `domain` (pure rules) → `store` (SQL).

pub mod cli;
pub mod config;
pub mod domain;
pub mod intake;
pub mod mail;
pub mod oidc;
pub mod store;
pub mod waves;
pub mod web;
