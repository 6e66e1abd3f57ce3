/* secmismatch: three mismatches (core code -> init code by a local symbol,
 * core data -> init data by a global one, init code -> exit code) and
 * three references that are not (core -> core, an annotation table ->
 * init, init -> core). */
	.text
	.globl core_fn
	.type core_fn, @function
core_fn:
	call init_fn
	ret
	.size core_fn, .-core_fn

	.section .init.text,"ax",@progbits
	.type init_fn, @function
init_fn:
	call exit_fn
	call core_fn
	ret
	.size init_fn, .-init_fn

	.section .exit.text,"ax",@progbits
	.type exit_fn, @function
exit_fn:
	ret
	.size exit_fn, .-exit_fn

	.data
	.long 0
	.type table, @object
table:
	.long 0, init_data
	.size table, 8

	.section .rodata,"a",@progbits
	.type ok_ptr, @object
ok_ptr:
	.long core_fn
	.size ok_ptr, 4

	.section __ex_table,"a",@progbits
	.long init_fn

	.section .init.data,"aw",@progbits
	.globl init_data
	.type init_data, @object
init_data:
	.long 1
	.size init_data, 4
