-- Choosing a model's training data from Neovim (0.7+), a client without a picker of its own:
-- the "Choose data…" CodeLens's command, answered through window/showMessageRequest (the
-- server's prompts: file, label, where to keep it), then the CodeLens reads "Data: …".
--   nvim --headless --clean -u NONE -c 'luafile test/neovim/training-data.lua'
-- Environment: REGLINT_SERVER, REGLINT_NODE, REGLINT_FILE (a model that reads its CSV),
-- REGLINT_RESULT (JSON: the lens titles before and after, the prompts, the command's result).
-- env(name, default?): ./env.lua, beside this script.
local env = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*[/\\])') .. 'env.lua')

local result = { prompts = {} }

-- A person's answers: the file the code reads, the default label, remember it.
vim.lsp.handlers['window/showMessageRequest'] = function(_, params)
  table.insert(result.prompts, { message = params.message, actions = vim.tbl_map(function(a) return a.title end, params.actions or {}) })
  local n = #result.prompts
  for _, action in ipairs(params.actions or {}) do
    if (n == 1 and action.title:find('(read by the code)', 1, true))
      or (n == 2 and action.title:find('(default)', 1, true))
      or (n == 3 and action.title:find('Remember', 1, true)) then
      return action
    end
  end
  return vim.NIL
end

local function lens_titles(bufnr)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, 10000)
  local titles, lenses = {}, {}
  for _, response in pairs(responses or {}) do
    if response.error then error('textDocument/codeLens error: ' .. vim.inspect(response.error)) end
    for _, lens in ipairs(response.result or {}) do
      table.insert(titles, lens.command and lens.command.title or vim.NIL)
      table.insert(lenses, lens)
    end
  end
  return titles, lenses
end

local function main()
  local path = env('REGLINT_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'typescript'
  local client_id = vim.lsp.start_client({
    name = 'reglint',
    cmd = { env('REGLINT_NODE', 'node'), env('REGLINT_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':h'),
    settings = { reglint = { enable = true } },
  })
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then error('no diagnostics within 20 s') end
  local client = vim.lsp.get_client_by_id(client_id)

  local titles, lenses = lens_titles(bufnr)
  result.lenses_before = titles
  local choose
  for _, lens in ipairs(lenses) do
    if lens.command and lens.command.command == 'reglint.chooseTrainingData' then choose = lens.command end
  end
  if not choose then error('no reglint.chooseTrainingData CodeLens') end
  local response = client.request_sync('workspace/executeCommand', { command = choose.command, arguments = choose.arguments }, 30000, bufnr)
  if not response or response.err then error('reglint.chooseTrainingData failed: ' .. vim.inspect(response and response.err)) end
  result.chosen = response.result
  result.lenses_after = lens_titles(bufnr)

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then result.error = tostring(err) end
local file = assert(io.open(env('REGLINT_RESULT'), 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd(ok and 'qa!' or 'cq!')
