// Command stylegen writes internal/shell/styles_gen.go from the lipgloss
// palette of internal/shell/internal/stylegen. go generate runs it in
// internal/shell:
//
//	go generate ./internal/shell
package main

import (
	"flag"
	"log"
	"os"

	"github.com/goshell/gosh/internal/shell/internal/stylegen"
)

func main() {
	out := flag.String("o", "styles_gen.go", "the file to write")
	pkg := flag.String("pkg", "shell", "the package of the generated file")
	flag.Parse()
	src, err := stylegen.Generate(*pkg)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
