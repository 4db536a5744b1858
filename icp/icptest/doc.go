// Package icptest builds realistic, valid test data for ICP-filing
// compliance code, the way net/http/httptest serves HTTP code: synthetic
// identifiers that pass icpkit's parsers, complete applications that
// [icp.Check] passes in a given province, an application for every finding
// code Check can report, footer pages and images with known properties,
// and an in-memory file system for the uploaded materials.
//
// # Synthetic data only
//
// Every value this package builds is synthetic. Resident IDs, credit codes
// and organisation codes carry real division codes and valid check
// characters but belong to no one; mobile numbers fall in real segments
// and may by chance be someone's number; names and addresses are drawn
// from word lists. They exist to test software and must never be used as
// real data: never file, call, text or mail with them.
//
// # Determinism
//
// Builders take a *math/rand/v2.Rand and give the same result for the same
// generator state, so that a failing test can be replayed from its seed.
// No builder reads the clock: applications are valid on [DefaultDate]
// unless [At] says otherwise, and Check must be given the same day with
// icp.At.
//
// # What a valid application needs
//
// [Application] follows the province rules of package province and the
// provider profiles of package icp: people aged 25 to 50 with ID cards of
// the filing province (so that local-resident and local-number rules are
// met), a legal representative as a unit's manager, four distinct basic
// mobiles, a landline for units, the address down to the room number, one
// domain per site of the suffix family the subject kind must use, held by
// the subject, and every material Check asks for in that province on that
// day (authorisation letters, domain certificates, commitment letters and
// videos, site plans), dated a week before. Some combinations cannot pass
// whatever the data (Hubei and Hunan take one site per order; Shanxi three
// domains per order from a unit; Henan three and Hainan one domain per
// order from an individual): the package tests list them with their rules.
package icptest
