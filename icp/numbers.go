package icp

import "github.com/icpkit/icpkit/icp/number"

// The filing numbers are package icp/number's: these names are the same
// values, kept here so that the numbers read as part of icp's vocabulary
// (icp.Number, icp.ParseNumber) as the design fixes them.

type (
	// Number is a filing, licence or public-security number; see
	// [number.Number].
	Number = number.Number
	// NumberKind says what a [Number] is; see [number.Kind].
	NumberKind = number.Kind
	// Service is the service type of a number's -N suffix; see
	// [number.Service].
	Service = number.Service
	// NumberError reports a number that does not parse, naming the part at
	// fault; see [number.Error].
	NumberError = number.Error
	// Fix is one correction [NormalizeNumber] made; see [number.Fix].
	Fix = number.Fix
	// Match is a number found in free text by [FindNumbers]; see
	// [number.Match].
	Match = number.Match
)

// The kinds of numbers.
const (
	SubjectFiling     = number.SubjectFiling
	SiteFiling        = number.SiteFiling
	AppFiling         = number.AppFiling
	MiniProgramFiling = number.MiniProgramFiling
	QuickAppFiling    = number.QuickAppFiling
	ICPLicense        = number.ICPLicense
	TelecomLicense    = number.TelecomLicense
	PoliceFiling      = number.PoliceFiling
)

// The service types of a number's -N suffix.
const (
	NoService   = number.NoService
	Website     = number.Website
	App         = number.App
	MiniProgram = number.MiniProgram
	QuickApp    = number.QuickApp
)

// The corrections of [NormalizeNumber] and [FindNumbers].
const (
	FixWidth           = number.FixWidth
	FixDash            = number.FixDash
	FixSpace           = number.FixSpace
	FixCase            = number.FixCase
	FixDoubleHao       = number.FixDoubleHao
	FixIndexPosition   = number.FixIndexPosition
	FixMissingHao      = number.FixMissingHao
	FixTraditional     = number.FixTraditional
	FixInvisible       = number.FixInvisible
	FixIPC             = number.FixIPC
	FixBracket         = number.FixBracket
	FixLabel           = number.FixLabel
	FixTrailingHao     = number.FixTrailingHao
	FixPoliceSeparator = number.FixPoliceSeparator
	FixMissingBei      = number.FixMissingBei
	FixDoubledPrefix   = number.FixDoubledPrefix
	FixPolicePrefix    = number.FixPolicePrefix
)

// Errors wrapped by a [*NumberError], matched with errors.Is.
var (
	ErrFormat         = number.ErrFormat
	ErrAbbreviation   = number.ErrAbbreviation
	ErrSerial         = number.ErrSerial
	ErrIndex          = number.ErrIndex
	ErrMismatch       = number.ErrMismatch
	ErrPlaceholder    = number.ErrPlaceholder
	ErrOutdatedPolice = number.ErrOutdatedPolice
)

// ParseNumber reads a number in its canonical form and allocates nothing;
// see [number.Parse].
func ParseNumber(s string) (Number, error) { return number.Parse(s) }

// MustParseNumber is [ParseNumber] for numbers known to be valid; it
// panics otherwise.
func MustParseNumber(s string) Number { return number.MustParse(s) }

// NormalizeNumber reads a number as people type and paste it and reports
// each correction it made; see [number.Normalize].
func NormalizeNumber(s string) (Number, []Fix, error) { return number.Normalize(s) }

// FindNumbers returns every number in free text with its byte offsets, the
// corrections made and, for number-like text that does not parse, the
// error; see [number.Find].
func FindNumbers(text string) []Match { return number.Find(text) }

// PoliceNumber builds a public-security number from its 14 digits; see
// [number.Police].
func PoliceNumber(digits string) (Number, error) { return number.Police(digits) }
