// Package cli holds what the example programs share: flags that may stand
// before or after the file arguments, and the programs' own messages in
// the catalog the library renders its findings from, so that one -lang
// flag picks one language for every line printed.
package cli

import (
	"errors"
	"flag"
	"strconv"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/internal/catalog"
)

// Parse parses args with fs, allowing flags after positional arguments
// (precheck app.json -lang en). It returns the positional arguments and an
// exit code: -1 to go on, 0 after -h, 2 on a bad flag.
func Parse(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0
			}
			return nil, 2
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, -1
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// Lang returns the language tag of a -lang value: en or zh.
func Lang(s string) language.Tag {
	if s == "en" {
		return language.English
	}
	return language.SimplifiedChinese
}

// Summary renders "3 errors, 1 warning, 2 notes (name)" in the language of
// tag, with plural forms from golang.org/x/text.
func Summary(tag language.Tag, errs, warns, notes int, name string) string {
	return T(tag, "cli.summary",
		"errors", T(tag, "cli.errors", "n", strconv.Itoa(errs)),
		"warnings", T(tag, "cli.warnings", "n", strconv.Itoa(warns)),
		"notes", T(tag, "cli.notes", "n", strconv.Itoa(notes)), "name", name)
}

// T renders a program message in the language of tag, with parameters as
// name, value pairs.
func T(tag language.Tag, code string, kv ...string) string {
	params := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		params[kv[i]] = kv[i+1]
	}
	return catalog.Message(tag, code, params)
}

func init() {
	m := func(code string, params []string, zh, en string) catalog.Msg {
		return catalog.Msg{Code: code, Params: params, Zh: zh, En: en}
	}
	catalog.Register(
		m("cli.summary", []string{"errors", "warnings", "notes", "name"}, "%[1]s，%[2]s，%[3]s（%[4]s）", "%[1]s, %[2]s, %[3]s (%[4]s)"),
		m("cli.embedded_sample", nil, "内置示例", "the embedded sample"),
		m("cli.no_filing", nil, "无需办理任何备案。", "No filing is needed."),
		m("cli.required", nil, "必须", "required"),
		m("cli.recommended", nil, "建议", "recommended"),
		m("cli.sms", []string{"who:verifier"}, "短信核验：%[1]s", "SMS verification: %[1]s"),
		m("cli.sms_none", nil, "无需短信核验", "no SMS verification"),
		m("cli.documents", []string{"kinds:material_kind"}, "材料：%[1]s", "documents: %[1]s"),
		m("cli.waits_for", []string{"step"}, "待第 %[1]s 步通过后办理", "after step %[1]s is approved"),
		m("cli.material", []string{"kind:material_kind", "for"}, "%[1]s（%[2]s）", "%[1]s (%[2]s)"),
		m("cli.material_whole", []string{"kind:material_kind"}, "%[1]s（整个申请）", "%[1]s (the whole application)"),
	)
	catalog.Register(
		catalog.Msg{Code: "cli.errors", Params: []string{"n#"}, Zh: "错误 %[1]d 个", En: "%[1]d errors", EnOne: "%[1]d error"},
		catalog.Msg{Code: "cli.warnings", Params: []string{"n#"}, Zh: "警告 %[1]d 个", En: "%[1]d warnings", EnOne: "%[1]d warning"},
		catalog.Msg{Code: "cli.notes", Params: []string{"n#"}, Zh: "提示 %[1]d 个", En: "%[1]d notes", EnOne: "%[1]d note"},
		catalog.Msg{Code: "cli.step", Params: []string{"n#"}, Zh: "第 %[1]d 步", En: "step %[1]d"},
	)
}
