-- The whole Neovim side of NeovimTest: Neovim 0.7's built-in LSP client starts
-- `contractcheck lsp` as a user's config would (vim.lsp.start_client + buf_attach_client), waits
-- for its diagnostics, applies the quick fix through vim.lsp.buf.code_action(), waits for the
-- unsaved buffer to be re-analysed, and writes what it saw as JSON for the C++ test to judge.
local server = assert(os.getenv('CONTRACTCHECK_BINARY'), 'CONTRACTCHECK_BINARY not set')
local file = assert(os.getenv('FIXTURE_FILE'), 'FIXTURE_FILE not set')
local out = assert(os.getenv('RESULT_FILE'), 'RESULT_FILE not set')
local report = {}

local function seen(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, code = d.code, message = d.message, severity = d.severity,
      source = d.source, href = (lsp.codeDescription or {}).href,
      related = #(lsp.relatedInformation or {}),
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum end)
  return list
end

local function count(bufnr, code)
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then n = n + 1 end
  end
  return n
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'contractcheck',
    cmd = { server, 'lsp', '--debounce-ms', '200' },
    root_dir = vim.fn.fnamemodify(file, ':p:h:h'),
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  report.got_diagnostics = vim.wait(120000, function()
    return count(bufnr, 'contract-switch-coverage') == 1 and count(bufnr, 'contract-mock-drift') == 1
  end, 50)
  report.before = seen(bufnr)

  -- The user puts the cursor on the switch and asks for code actions; the menu is answered with
  -- its first entry, as a user typing 1 would.
  vim.ui.select = function(items, _, on_choice)
    report.menu = vim.tbl_map(function(item) return item[2].title end, items)
    on_choice(items[1], 1)
  end
  for _, d in ipairs(report.before) do
    if d.code == 'contract-switch-coverage' then
      vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    end
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  report.fix_applied = vim.wait(30000, function()
    return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick
  end, 50)
  report.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  -- The fixed text is only in the buffer: the server analyses it from there.
  report.reanalysed = vim.wait(120000, function()
    return count(bufnr, 'contract-switch-coverage') == 0 and count(bufnr, 'contract-mock-drift') == 1
  end, 50)
  report.after = seen(bufnr)
  report.modified = vim.bo[bufnr].modified
end)
if not ok then report.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(report) }, out)
vim.cmd('qall!')
