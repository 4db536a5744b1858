package subject

import (
	"fmt"

	"github.com/icpkit/icpkit/province"
)

// Secret is personal text (a document number, a phone number, an e-mail
// address or a name) as entered in an application. It prints masked with
// every fmt verb, in JSON and in text encodings; [Secret.Reveal] returns it.
// Decoding (JSON, text) stores the full value.
type Secret string

// Reveal returns the full value. It is the only way to read it.
func (s Secret) Reveal() string { return string(s) }

// String returns the masked value (see [Mask]).
func (s Secret) String() string { return Mask(string(s)) }

// GoString returns the masked value for %#v.
func (s Secret) GoString() string { return fmt.Sprintf("subject.Secret(%q)", Mask(string(s))) }

// Format masks the value for every verb.
func (s Secret) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", Mask(string(s)))
	case 'v':
		if f.Flag('#') {
			fmt.Fprint(f, s.GoString())
			return
		}
		fmt.Fprint(f, Mask(string(s)))
	default:
		fmt.Fprint(f, Mask(string(s)))
	}
}

// MarshalText implements [encoding.TextMarshaler] with the masked value.
func (s Secret) MarshalText() ([]byte, error) { return []byte(Mask(string(s))), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], storing the full
// value.
func (s *Secret) UnmarshalText(b []byte) error {
	*s = Secret(b)
	return nil
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

// String returns a masked one-line description.
func (p Person) String() string {
	return fmt.Sprintf("%s (%s %s, %s)", p.Name, p.Document.Type, p.Document.Number, p.Mobile)
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

// String returns a one-line description; an individual's name is masked.
func (s Subject) String() string {
	name := s.Name
	if s.Kind == Individual {
		name = Mask(name)
	}
	return fmt.Sprintf("%s %s (%s)", s.Kind, name, s.Certificate.Number)
}
