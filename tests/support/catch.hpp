#pragma once
// Catch2 v2 (Debian 12) or v3, whichever the build found.
#if FHASH_CATCH2_MAJOR >= 3
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#else
#include <catch2/catch.hpp>
#endif
