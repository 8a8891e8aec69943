-- The editor side of NeovimTest.TheDocumentedRecipeRunsBesideClangd: Neovim was started with the
-- Neovim recipe of docs/editors.md, verbatim, as its init.lua. This script adds a clangd client
-- the same way (when CLANGD_BINARY is set), opens the file as a user would, waits for both
-- servers' diagnostics and writes what it saw as JSON for the C++ test to judge.
local file = assert(os.getenv('FIXTURE_FILE'), 'FIXTURE_FILE not set')
local out = assert(os.getenv('RESULT_FILE'), 'RESULT_FILE not set')
local clangd = os.getenv('CLANGD_BINARY') or ''
local report = {}

local function diagnostics(bufnr, fromContractcheck)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if (d.source == 'contractcheck') == fromContractcheck then
      table.insert(list, { lnum = d.lnum, code = d.code, source = d.source })
    end
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum end)
  return list
end

local ok, err = pcall(function()
  if clangd ~= '' then
    local id
    vim.api.nvim_create_autocmd('FileType', {
      pattern = { 'c', 'cpp' },
      callback = function(args)
        id = id or vim.lsp.start_client({ name = 'clangd', cmd = { clangd },
                                          root_dir = vim.fn.fnamemodify(file, ':p:h:h') })
        vim.lsp.buf_attach_client(args.buf, id)
      end,
    })
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  report.got_contractcheck = vim.wait(120000, function()
    return #diagnostics(bufnr, true) == 2
  end, 50)
  if clangd ~= '' then
    report.got_clangd = vim.wait(120000, function() return #diagnostics(bufnr, false) > 0 end, 50)
  end
  report.contractcheck = diagnostics(bufnr, true)
  report.others = diagnostics(bufnr, false)
  report.clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    table.insert(report.clients, client.name)
  end
  table.sort(report.clients)
end)
if not ok then report.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(report) }, out)
vim.cmd('qall!')
