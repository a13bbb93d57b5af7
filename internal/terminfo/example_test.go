package terminfo_test

import (
	"fmt"
	"log"
	"os"

	"github.com/goshell/gosh/internal/terminfo"
)

// Load finds the entry for $TERM; its key capabilities give the sequences
// the terminal sends for special keys.
func ExampleLoad() {
	ti, err := terminfo.Load(os.Getenv("TERM"))
	if err != nil {
		log.Fatal(err)
	}
	for _, key := range []string{"kcuu1", "kcud1", "khome", "kend", "kdch1", "kUP5"} {
		if seq, ok := ti.Strings[key]; ok {
			fmt.Printf("%s sends %q\n", key, seq)
		}
	}
}

func ExampleParse() {
	data, err := os.ReadFile("testdata/g/gosh")
	if err != nil {
		log.Fatal(err)
	}
	ti, err := terminfo.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ti.Names[0], "-", ti.Names[len(ti.Names)-1])
	fmt.Println("auto margins:", ti.Bools["am"], "columns:", ti.Numbers["cols"])
	for _, key := range []string{"kcuu1", "khome", "kend", "kdch1", "knp", "kUP5"} {
		fmt.Printf("%s=%q\n", key, ti.Strings[key])
	}
	// Output:
	// gosh - gosh test terminal
	// auto margins: true columns: 80
	// kcuu1="\x1bOA"
	// khome="\x1bOH"
	// kend="\x1bOF"
	// kdch1="\x1b[3~"
	// knp="\x1b[6~"
	// kUP5="\x1b[1;5A"
}
