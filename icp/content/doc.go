// Package content holds the word lists that judge what a site says it is:
// the words its name may not hold, and the pre-approval categories its
// content may touch.
//
// # The domain
//
// A site's name must match what it runs, and some words are refused
// outright: sensitive words everywhere, state words (中国, 国家 …) at the
// head of a non-national unit's site name, industry words in an
// individual's. Content in some categories (news, publishing, audio-visual,
// drugs and medical devices, finance, games …) needs the competent
// authority's approval (前置审批) before the filing, and providers find it
// by keywords in the site's name, description and the subject's business
// scope. Both lists are data with their sources
// (icp/content/data/names.tsv, preapproval_categories.tsv,
// preapproval_keywords.tsv), replaceable at run time.
//
// # What is here
//
// [NameRules] ([DefaultNameRules], [LoadNameRules]) lists the name word
// rules; [PreApprovalTable] ([DefaultPreApproval], [LoadPreApproval]) the
// categories and their keywords, with [PreApprovalTable.Scan] finding the
// keywords in a text. These are plain values; icp.CheckSiteName,
// icp.CheckPreApproval and icp.Check turn them into findings.
package content
