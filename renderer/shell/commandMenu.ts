/**
 * The window's own menu of commands. It lists the same commands as the native menu, in the same
 * order, so every action is reachable where there is no native menu and by keyboard alone.
 */
import { MENU_COMMANDS, type MenuCommand } from '../../main/ipc/contract'
import { el } from '../dom'

export interface Command {
  command: MenuCommand
  label: string
  run(): void
}

/** Where a separator goes: before each of these. */
const GROUP_STARTS = new Set<MenuCommand>(['import', 'restore-backup', 'undo', 'find', 'zoom-in', 'show-shortcuts'])

export function createCommandMenu(): { button: HTMLElement; add(command: Command): void; run(command: MenuCommand): void } {
  const commands = new Map<MenuCommand, Command>()
  const list = el('div', { className: 'command-menu', attrs: { role: 'menu', 'aria-label': 'Commands', hidden: true } })
  const button = el('button', {
    className: 'tool-button',
    text: 'Menu',
    attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-label': 'Commands' },
  })
  const wrapper = el('div', { className: 'command-menu-wrapper' }, [button, list])

  function close(): void {
    list.hidden = true
    button.setAttribute('aria-expanded', 'false')
  }

  function open(): void {
    const items: HTMLElement[] = []
    for (const name of MENU_COMMANDS) {
      const command = commands.get(name)
      if (!command) continue
      if (GROUP_STARTS.has(name) && items.length) items.push(el('div', { className: 'menu-separator', attrs: { role: 'separator' } }))
      items.push(
        el('button', {
          className: 'menu-item',
          text: command.label,
          attrs: { type: 'button', role: 'menuitem', tabindex: -1 },
          on: {
            click: () => {
              close()
              command.run()
            },
          },
        }),
      )
    }
    list.replaceChildren(...items)
    list.hidden = false
    button.setAttribute('aria-expanded', 'true')
    list.querySelector<HTMLElement>('[role=menuitem]')?.focus()
  }

  button.addEventListener('click', () => (list.hidden ? open() : close()))
  list.addEventListener('keydown', (event) => {
    const items = [...list.querySelectorAll<HTMLElement>('[role=menuitem]')]
    const index = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = (index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length
      items[next]?.focus()
    } else if (event.key === 'Escape') {
      event.stopPropagation()
      close()
      button.focus()
    }
  })
  document.addEventListener('pointerdown', (event) => {
    if (!wrapper.contains(event.target as Node)) close()
  })

  return {
    button: wrapper,
    add: (command) => void commands.set(command.command, command),
    run: (name) => commands.get(name)?.run(),
  }
}
