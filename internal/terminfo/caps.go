package terminfo

// The tables below list the predefined capabilities in the order of
// ncurses' Caps file (ncurses 6.4, the same order as <term.h>). The position
// of a name is its index in the corresponding section of a compiled entry,
// so the order must never change; new capabilities are only ever appended.
// The trailing comment on each line gives the index of its first name.
//
// Names beginning with "OT" are the obsolete termcap-derived capabilities
// that ncurses keeps in the compiled format; they are named as infocmp
// names them.

// boolNames names the predefined boolean capabilities by index.
var boolNames = [...]string{
	"bw", "am", "xsb", "xhp", "xenl", "eo", "gn", "hc", // 0
	"km", "hs", "in", "da", "db", "mir", "msgr", "os", // 8
	"eslok", "xt", "hz", "ul", "xon", "nxon", "mc5i", "chts", // 16
	"nrrmc", "npc", "ndscr", "ccc", "bce", "hls", "xhpa", "crxm", // 24
	"daisy", "xvpa", "sam", "cpix", "lpix", "OTbs", "OTns", "OTnc", // 32
	"OTMT", "OTNL", "OTpt", "OTxr", // 40
}

// numberNames names the predefined numeric capabilities by index.
var numberNames = [...]string{
	"cols", "it", "lines", "lm", "xmc", "pb", "vt", "wsl", // 0
	"nlab", "lh", "lw", "ma", "wnum", "colors", "pairs", "ncv", // 8
	"bufsz", "spinv", "spinh", "maddr", "mjump", "mcs", "mls", "npins", // 16
	"orc", "orl", "orhi", "orvi", "cps", "widcs", "btns", "bitwin", // 24
	"bitype", "OTug", "OTdC", "OTdN", "OTdB", "OTdT", "OTkn", // 32
}

// stringNames names the predefined string capabilities by index.
var stringNames = [...]string{
	"cbt", "bel", "cr", "csr", "tbc", "clear", "el", "ed", // 0
	"hpa", "cmdch", "cup", "cud1", "home", "civis", "cub1", "mrcup", // 8
	"cnorm", "cuf1", "ll", "cuu1", "cvvis", "dch1", "dl1", "dsl", // 16
	"hd", "smacs", "blink", "bold", "smcup", "smdc", "dim", "smir", // 24
	"invis", "prot", "rev", "smso", "smul", "ech", "rmacs", "sgr0", // 32
	"rmcup", "rmdc", "rmir", "rmso", "rmul", "flash", "ff", "fsl", // 40
	"is1", "is2", "is3", "if", "ich1", "il1", "ip", "kbs", // 48
	"ktbc", "kclr", "kctab", "kdch1", "kdl1", "kcud1", "krmir", "kel", // 56
	"ked", "kf0", "kf1", "kf10", "kf2", "kf3", "kf4", "kf5", // 64
	"kf6", "kf7", "kf8", "kf9", "khome", "kich1", "kil1", "kcub1", // 72
	"kll", "knp", "kpp", "kcuf1", "kind", "kri", "khts", "kcuu1", // 80
	"rmkx", "smkx", "lf0", "lf1", "lf10", "lf2", "lf3", "lf4", // 88
	"lf5", "lf6", "lf7", "lf8", "lf9", "rmm", "smm", "nel", // 96
	"pad", "dch", "dl", "cud", "ich", "indn", "il", "cub", // 104
	"cuf", "rin", "cuu", "pfkey", "pfloc", "pfx", "mc0", "mc4", // 112
	"mc5", "rep", "rs1", "rs2", "rs3", "rf", "rc", "vpa", // 120
	"sc", "ind", "ri", "sgr", "hts", "wind", "ht", "tsl", // 128
	"uc", "hu", "iprog", "ka1", "ka3", "kb2", "kc1", "kc3", // 136
	"mc5p", "rmp", "acsc", "pln", "kcbt", "smxon", "rmxon", "smam", // 144
	"rmam", "xonc", "xoffc", "enacs", "smln", "rmln", "kbeg", "kcan", // 152
	"kclo", "kcmd", "kcpy", "kcrt", "kend", "kent", "kext", "kfnd", // 160
	"khlp", "kmrk", "kmsg", "kmov", "knxt", "kopn", "kopt", "kprv", // 168
	"kprt", "krdo", "kref", "krfr", "krpl", "krst", "kres", "ksav", // 176
	"kspd", "kund", "kBEG", "kCAN", "kCMD", "kCPY", "kCRT", "kDC", // 184
	"kDL", "kslt", "kEND", "kEOL", "kEXT", "kFND", "kHLP", "kHOM", // 192
	"kIC", "kLFT", "kMSG", "kMOV", "kNXT", "kOPT", "kPRV", "kPRT", // 200
	"kRDO", "kRPL", "kRIT", "kRES", "kSAV", "kSPD", "kUND", "rfi", // 208
	"kf11", "kf12", "kf13", "kf14", "kf15", "kf16", "kf17", "kf18", // 216
	"kf19", "kf20", "kf21", "kf22", "kf23", "kf24", "kf25", "kf26", // 224
	"kf27", "kf28", "kf29", "kf30", "kf31", "kf32", "kf33", "kf34", // 232
	"kf35", "kf36", "kf37", "kf38", "kf39", "kf40", "kf41", "kf42", // 240
	"kf43", "kf44", "kf45", "kf46", "kf47", "kf48", "kf49", "kf50", // 248
	"kf51", "kf52", "kf53", "kf54", "kf55", "kf56", "kf57", "kf58", // 256
	"kf59", "kf60", "kf61", "kf62", "kf63", "el1", "mgc", "smgl", // 264
	"smgr", "fln", "sclk", "dclk", "rmclk", "cwin", "wingo", "hup", // 272
	"dial", "qdial", "tone", "pulse", "hook", "pause", "wait", "u0", // 280
	"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", // 288
	"u9", "op", "oc", "initc", "initp", "scp", "setf", "setb", // 296
	"cpi", "lpi", "chr", "cvr", "defc", "swidm", "sdrfq", "sitm", // 304
	"slm", "smicm", "snlq", "snrmq", "sshm", "ssubm", "ssupm", "sum", // 312
	"rwidm", "ritm", "rlm", "rmicm", "rshm", "rsubm", "rsupm", "rum", // 320
	"mhpa", "mcud1", "mcub1", "mcuf1", "mvpa", "mcuu1", "porder", "mcud", // 328
	"mcub", "mcuf", "mcuu", "scs", "smgb", "smgbp", "smglp", "smgrp", // 336
	"smgt", "smgtp", "sbim", "scsd", "rbim", "rcsd", "subcs", "supcs", // 344
	"docr", "zerom", "csnm", "kmous", "minfo", "reqmp", "getm", "setaf", // 352
	"setab", "pfxl", "devt", "csin", "s0ds", "s1ds", "s2ds", "s3ds", // 360
	"smglr", "smgtb", "birep", "binel", "bicr", "colornm", "defbi", "endbi", // 368
	"setcolor", "slines", "dispc", "smpch", "rmpch", "smsc", "rmsc", "pctrm", // 376
	"scesc", "scesa", "ehhlm", "elhlm", "elohlm", "erhlm", "ethlm", "evhlm", // 384
	"sgr1", "slength", "OTi2", "OTrs", "OTnl", "OTbc", "OTko", "OTma", // 392
	"OTG2", "OTG3", "OTG1", "OTG4", "OTGR", "OTGL", "OTGU", "OTGD", // 400
	"OTGH", "OTGV", "OTGC", "meml", "memu", "box1", // 408
}
