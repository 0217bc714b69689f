#pragma once
/// @file hints.hpp
/// Placeholder: the core's structured hints worded for the console.

#include "fhash/verify.hpp"

namespace fhash::cli {

/// The outcome's error, with any hint of the core worded in the command line's terms.
inline const Error& worded(const EntryOutcome& outcome) { return outcome.error; }

}  // namespace fhash::cli
