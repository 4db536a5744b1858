package subject

import (
	"database/sql/driver"
	"fmt"
	"log/slog"
	"strings"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// Secret is personal text (a document number, a phone number, an e-mail
// address or a name) as entered in an application, kept verbatim.
//
// What people read is masked: [Secret.String], every fmt verb
// ([Secret.Format]) and slog ([Secret.LogValue]) give [Mask] of the value.
// What stores it is lossless: [Secret.MarshalText] (and so JSON),
// [Secret.AppendText] and [Secret.Value] (SQL) write it in full, and
// [Secret.Reveal] returns it. The decoders ([Secret.UnmarshalText], so JSON,
// and [Secret.Scan]) keep the full value and refuse a masked one
// ([IsMasked]) with [ErrMasked]. A panel that wants masked JSON for display
// marshals [Secret.Masked] (or [Person.Masked], [Subject.Masked]).
type Secret string

// Reveal returns the full value.
func (s Secret) Reveal() string { return string(s) }

// PhoneKey returns the comparable form of a phone held in s: the national
// number of a mobile or landline (13800138000 for "+86 138-0013-8000"),
// or the trimmed text when it is neither. Two phones are the same number
// when their keys are equal.
func (s Secret) PhoneKey() string {
	v := string(s)
	if m, err := ParseMobile(v); err == nil {
		return m.Number()
	}
	if l, err := ParseLandline(v); err == nil {
		return l.Number()
	}
	return strings.TrimSpace(v)
}

// String returns the masked value (see [Mask]).
func (s Secret) String() string { return Mask(string(s)) }

// Masked returns the masked value as a Secret: a view for display, whose
// JSON is masked and which the decoders of this package refuse.
func (s Secret) Masked() Secret { return Secret(Mask(string(s))) }

// GoString returns the masked value for %#v: subject.Secret("138****8000").
func (s Secret) GoString() string { return fmt.Sprintf("subject.Secret(%q)", Mask(string(s))) }

// Format implements [fmt.Formatter]: every verb prints the masked value.
func (s Secret) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.Secret", Mask(string(s)))
}

// LogValue implements [log/slog.LogValuer] with the masked value, so that no
// handler (text or JSON) logs it in full.
func (s Secret) LogValue() slog.Value { return slog.StringValue(Mask(string(s))) }

// AppendText implements [encoding.TextAppender] with the full value.
func (s Secret) AppendText(b []byte) ([]byte, error) { return append(b, s...), nil }

// MarshalText implements [encoding.TextMarshaler] with the full value, so
// that JSON and other stored forms round-trip without loss.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], storing the full
// value. Masked text ([IsMasked]) is refused with [ErrMasked]: it would
// silently replace the stored value with its display form.
func (s *Secret) UnmarshalText(b []byte) error {
	if IsMasked(string(b)) {
		return maskedErr("Secret.UnmarshalText", string(b))
	}
	*s = Secret(b)
	return nil
}

// Value implements [database/sql/driver.Valuer] with the full value.
func (s Secret) Value() (driver.Value, error) { return string(s), nil }

// Scan implements [database/sql.Scanner] for text and NULL (the empty
// Secret), like [Secret.UnmarshalText].
func (s *Secret) Scan(src any) error {
	b, err := scanText("Secret.Scan", src)
	if err != nil {
		return err
	}
	return s.UnmarshalText(b)
}

// Document is a certificate or identity document as entered: its type, its
// number and, where known, the last day it is valid.
type Document struct {
	Type       DocType `json:"type" validate:"required"`
	Number     Secret  `json:"number" validate:"required,max=64"`
	ValidUntil Date    `json:"valid_until,omitzero" validate:"-"`
}

// Parse validates the number against the type with [ParseDocument].
func (d Document) Parse() (DocumentID, error) { return ParseDocument(d.Type, d.Number.Reveal()) }

// DisplayNumber returns the number as people may see it, for messages and
// finding parameters: in full for a unit certificate whose number parses as
// one (a credit code is public: 91330106MA2H0K3L70), masked otherwise — a
// personal document (1101**********002X), or anything typed into a unit
// certificate's field that is not its number, which may be a person's.
// Printing d.Number itself always masks, since a [Secret] does not know
// what it holds.
func (d Document) DisplayNumber() string {
	n := d.Number.Reveal()
	if d.Type.IsValid() && !d.Type.IsPersonal() {
		if _, err := ParseDocument(d.Type, n); err == nil {
			return n
		}
	}
	return Mask(n)
}

// String returns the type token and the number for people:
// "resident_id 1101**********002X", "business_license 91330106MA2H0K3L70".
// Personal documents are masked, unit certificates are not (see
// [Document.Masked]).
func (d Document) String() string {
	if !d.Type.IsValid() {
		return d.DisplayNumber()
	}
	return d.Type.String() + " " + d.DisplayNumber()
}

// Masked returns a copy of d for display: the number of a personal
// document is masked, the number of a unit certificate is kept when it
// parses as one (a credit code is public), and anything else is masked. Its
// JSON is what a panel shows; the decoders refuse it where a number is
// masked.
func (d Document) Masked() Document {
	d.Number = Secret(d.DisplayNumber())
	return d
}

// Format implements [fmt.Formatter]: every verb prints [Document.String].
func (d Document) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.Document", d.String())
}

// LogValue implements [log/slog.LogValuer]: a group of the type, the number
// as in [Document.String] and the validity date.
func (d Document) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("type", d.Type.String()), slog.String("number", d.DisplayNumber())}
	if !d.ValidUntil.IsZero() {
		attrs = append(attrs, slog.String("valid_until", d.ValidUntil.String()))
	}
	return slog.GroupValue(attrs...)
}

// Person is a manager of a filing (the validate tags are
// github.com/go-playground/validator/v10 rules that package icp applies): the subject's 主体负责人 (owner) or a
// site's 网站负责人 (manager). Every personal field is a [Secret].
type Person struct {
	Name                Secret   `json:"name" validate:"required,max=60"`
	Document            Document `json:"document"`
	Mobile              Secret   `json:"mobile" validate:"required,max=32"`
	EmergencyPhone      Secret   `json:"emergency_phone,omitempty" validate:"required,max=32"`
	Email               Secret   `json:"email,omitempty" validate:"required,max=254"`
	LegalRepresentative bool     `json:"legal_representative,omitempty" validate:"-"`
}

// String returns a masked one-line description:
// "张* (resident_id 1101**********002X, 138****8000)".
func (p Person) String() string {
	return Mask(p.Name.Reveal()) + " (" + p.Document.String() + ", " + Mask(p.Mobile.Reveal()) + ")"
}

// Format implements [fmt.Formatter]: every verb prints [Person.String].
func (p Person) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.Person", p.String())
}

// LogValue implements [log/slog.LogValuer]: a group of the fields, each
// personal one masked.
func (p Person) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("name", Mask(p.Name.Reveal())),
		slog.Attr{Key: "document", Value: p.Document.LogValue()},
		slog.String("mobile", Mask(p.Mobile.Reveal())),
		slog.String("emergency_phone", Mask(p.EmergencyPhone.Reveal())),
		slog.String("email", Mask(p.Email.Reveal())),
		slog.Bool("legal_representative", p.LegalRepresentative),
	)
}

// Masked returns a copy of p for display, every personal field masked
// ([Secret.Masked], [Document.Masked]). A panel marshals it to show a
// person; the decoders refuse the result, so it cannot be stored back by
// mistake. Marshal p itself to store it.
func (p Person) Masked() Person {
	p.Name = p.Name.Masked()
	p.Document = p.Document.Masked()
	p.Mobile = p.Mobile.Masked()
	p.EmergencyPhone = p.EmergencyPhone.Masked()
	p.Email = p.Email.Masked()
	return p
}

// SamePerson reports whether p and q carry the same document type and
// number: the way a filing tells people apart.
func (p Person) SamePerson(q Person) bool {
	if p.Document.Type != q.Document.Type || p.Document.Number == "" {
		return false
	}
	return p.Document.Number == q.Document.Number || canonicalNumber(p.Document) == canonicalNumber(q.Document)
}

func canonicalNumber(d Document) string {
	if id, err := d.Parse(); err == nil {
		return id.Number()
	}
	return d.Number.Reveal()
}

// Subject is the filing subject (主体): a unit or an individual.
type Subject struct {
	Kind        Kind              `json:"kind" validate:"required"`
	Name        string            `json:"name" validate:"required,max=100"`
	Certificate Document          `json:"certificate"`
	Province    province.Province `json:"province,omitzero" validate:"-"`
	Address     string            `json:"address" validate:"required,max=200"`
	// Investor is the 投资人或主管单位 (investor or superior unit).
	Investor string `json:"investor,omitempty" validate:"max=100"`
	// Landline is the unit's office telephone.
	Landline Secret `json:"landline,omitempty" validate:"-"`
	Owner    Person `json:"owner"`
	Remark   string `json:"remark,omitempty" validate:"max=1000"`
}

// String returns a one-line description: "enterprise 杭州示例网络科技有限公司
// (91330106MA2H0K3L70)", "individual 张* (1101**********002X)". A unit's
// name and certificate are public and print in full; an individual's name
// and identity document are masked.
func (s Subject) String() string {
	name := s.Name
	if s.Kind == Individual {
		name = Mask(name)
	}
	return fmt.Sprintf("%s %s (%s)", s.Kind, name, s.Certificate.DisplayNumber())
}

// Format implements [fmt.Formatter]: every verb prints [Subject.String], so
// that no verb shows the fields of the owner.
func (s Subject) Format(f fmt.State, verb rune) {
	formatForPeople(f, verb, "subject.Subject", s.String())
}

// LogValue implements [log/slog.LogValuer]: a group of the kind, name,
// certificate, province, address, landline and owner, masked as in
// [Subject.Masked]. The remark is left out.
func (s Subject) LogValue() slog.Value {
	m := s.Masked()
	return slog.GroupValue(
		slog.String("kind", s.Kind.String()),
		slog.String("name", m.Name),
		slog.Attr{Key: "certificate", Value: s.Certificate.LogValue()},
		slog.String("province", s.Province.String()),
		slog.String("address", m.Address),
		slog.String("landline", m.Landline.Reveal()),
		slog.Attr{Key: "owner", Value: s.Owner.LogValue()},
	)
}

// Masked returns a copy of s for display. What is personal is masked: the
// owner ([Person.Masked]), the landline, the certificate number when it is
// a personal document ([Document.Masked]), and, for an individual
// ([Individual]), the name, address and investor. A unit's name, address,
// investor and credit code are public (they are on the licence) and are
// kept. Numbers shaped like an identity or mobile number are masked in the
// remark. The decoders refuse the masked fields, so the result cannot be
// stored back by mistake.
func (s Subject) Masked() Subject {
	if s.Kind == Individual {
		s.Name = Mask(s.Name)
		s.Address = Mask(s.Address)
		s.Investor = Mask(s.Investor)
	}
	s.Certificate = s.Certificate.Masked()
	s.Landline = s.Landline.Masked()
	s.Owner = s.Owner.Masked()
	s.Remark = norm.MaskPersonalNumbers(s.Remark)
	return s
}
