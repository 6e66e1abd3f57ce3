# the language: words, quotes, escapes, $?, comments, ;, > and syntax errors (status 2, nothing of the line runs)
echo hello   world
echo -n no newline; echo
echo 'single  $? "kept"' "double $? \"q\" \$?" back\ slash \; a#b # comment
# a whole-line comment
false; echo status $?
true; echo "status $?"
nosuchcmd arg; echo $?
echo 'unterminated
echo $?
echo a >
echo a > ; echo b
echo $?
echo a;;echo b
echo $?
echo a; ;echo b
; echo b
echo a; echo 'b
echo ends with a semicolon;
echo x'y z'"w"
echo '' "" end
help echo > /dev/null; echo $?
help nosuch
echo $?
