echo exit at the prompt powers off with its status
false
exit 3
