// Package province knows the 31 provincial-level regions of mainland China in
// which ICP filings (ICP备案) are made, and the filing rules of each.
//
// # The regions
//
// Every ICP filing is made with the communications administration (通信管理局,
// "管局") of one province: for a unit, the province where its certificate was
// issued; for an individual, the province of the ID card or, where the
// province allows it, of residence. The province shows in every filing number
// as a one-character abbreviation: 京ICP备… for Beijing, 蜀ICP备… for Sichuan.
// Public-security (公网安备) numbers use a second set of abbreviations that
// differs for three regions (Sichuan 川, Guizhou 贵, Gansu 甘), and issued ICP
// numbers are also seen with aliases (川ICP备…, 贵ICP备…). A [Province] knows all
// of these: [Province.ICPAbbr], [Province.PSBAbbr], [Province.ICPAliases].
// Hong Kong, Macau and Taiwan have no ICP filing; [Parse] refuses them with
// [ErrNotFilingRegion].
//
// # The rules
//
// Each 管局 adds its own rules to the national ones: who may file there, how
// old the applicant must be, who must be the legal representative, which
// phone numbers must be local, how long a domain must remain registered, and
// more. These are data, not code: [Rules] holds one typed [Fact] per rule,
// and each Fact carries its [Status] (Confirmed, Uncertain or Unknown) and
// its [Provenance] (source keys, a note on conflicts, the period in force).
// Every source key resolves in the sources table, province/data/sources.tsv:
// [LookupSource] gives the publisher, title, public address and the day the
// project read it. A rule that the sources do not state is
// Unknown, never guessed.
//
// The rules live in one tab-separated file, province/data/rules.tsv,
// embedded in the package and decoded once by [Default]. A row names a
// province (or "*" for every province), a field, a value, a status, its
// sources and the period it is in force:
//
//	浙江	review_workdays	30	CONFIRMED	TC-review	-	-
//	江苏	extra_documents	truthfulness_commitment|commitment_video	CONFIRMED	TC-P-江苏	2021-06-01	-
//
// [Fields] lists the field names. Rules change without notice, so a hosting
// panel can load a whole table of its own with [Load] or [LoadFile], or patch
// the default with [Table.Patch], without waiting for a release; rows of a
// patch replace the table's rows for the same province and field. Every
// mistake in a file is a [*DataError] naming the line, province and field.
//
// Some rules differ by subject kind: [Rules.MinAgeFor],
// [Rules.MinorDocumentsFor] and [Rules.NeedsLocalMobile] pick the unit or
// individual fact. A person below the minimum age is, in several provinces,
// a document requirement (a guardian's ID, income proof) rather than a
// refusal: [Rules.MinorDocuments] lists the documents.
//
// [Diff] lists the facts that differ between two tables (value, status,
// sources), so an operator loading an override or upgrading sees what
// changes for each province.
//
// Lookups take a date: [Table.RulesAt] returns the rules in force on that
// day; [Province.Rules] and [Table.Rules] return the newest rules without
// reading the clock. A [Table] is immutable and safe for concurrent use, so
// tests can build their own and run in parallel.
package province
