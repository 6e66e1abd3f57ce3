# help NAME prints the command's manual page (docs/commands/NAME.md,
# /usr/share/doc/commands/ in the ramdisk); a word that is no command
help insmod
help lsmod
help nosuch
echo $?
help a b
echo $?
# Tab completes a command name (then a space), then path components:
# a directory gets a '/', a file a space; the line runs as completed
ins<TAB>/li<TAB>mo<TAB>hello.<TAB>
# several matches: the first Tab adds their common prefix ("ls"), the
# second lists them; typing goes on after the redrawn line
l<TAB><TAB>mod
hexdump -n 16 /lib/modules/hel<TAB><TAB>p.ko
# paths relative to the current directory; after '>' too
cd /mo<TAB>
ls h<TAB>
echo done >/t<TAB>out
cat /tmp/out
cd /
rmmod hello
