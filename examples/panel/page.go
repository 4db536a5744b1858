package main

import (
	_ "embed"
	"html/template"
)

//go:embed page.html
var pageHTML string

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"id": fieldID,
}).Parse(pageHTML))

// fieldID turns a JSON path into an element id: sites[#].access.ips →
// f-sites-#-access-ips.
func fieldID(path string) string {
	b := []byte("f-")
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '[' || c == '.':
			if b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		case c == ']':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}
