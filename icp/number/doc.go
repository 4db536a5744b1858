// Package number reads, writes and finds China's filing numbers.
//
// # The domain
//
// The communications administration of a province gives a filing subject
// one number and each of its services a number under it
// (京ICP备12345678号, 京ICP备12345678号-1, -2A for an App, -3X for a
// mini-program, -4K for a quick app). A commercial service holds a licence
// besides (京ICP证030173号, 粤B2-20090059, 合字B2-20170010 for
// foreign-invested companies, licences of several classes such as
// A2.B1.B2-20090003), and a site files with the public-security system too
// (京公网安备11010502026149号: 14 digits that start with the province's
// code). People write all of these untidily — traditional characters,
// full-width forms, spaces, the typo IPC, labels, brackets, 号 misplaced —
// and templates ship placeholders and dummies.
//
// # What is here
//
// [Number] is a small comparable value for every kind ([Kind]). [Parse]
// reads the canonical form and allocates nothing; [Normalize] reads what
// people type and reports each correction ([Fix]); [Find] finds every
// number in free text, in linear time, with its byte offsets; [Police]
// builds a public-security number from its digits; [Number.LikelyDummy]
// flags template numbers. Errors are [*Error] values naming the part at
// fault and wrapping a sentinel ([ErrFormat], [ErrPlaceholder],
// [ErrOutdatedPolice] …).
//
// Package icp re-exports these names (icp.Number, icp.ParseNumber …) as
// part of its vocabulary; the two spellings are the same values.
package number
