// The open documents, kept in sync with the client's incremental edits. Unlike
// vscode-languageserver's TextDocuments, it says plainly whether an event is an open, a
// change or a close, which is what the validation scheduling needs.
import {
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface DocumentListener {
  opened(document: TextDocument): void;
  changed(document: TextDocument): void;
  closed(uri: string): void;
}

export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  open({ textDocument }: DidOpenTextDocumentParams): TextDocument {
    const document = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    this.documents.set(textDocument.uri, document);
    return document;
  }

  /** Applies the edits; undefined when the document was never opened (a client bug). */
  change({ textDocument, contentChanges }: DidChangeTextDocumentParams): TextDocument | undefined {
    const document = this.documents.get(textDocument.uri);
    if (!document) return undefined;
    const updated = TextDocument.update(document, contentChanges, textDocument.version);
    this.documents.set(textDocument.uri, updated);
    return updated;
  }

  close({ textDocument }: DidCloseTextDocumentParams): void {
    this.documents.delete(textDocument.uri);
  }

  listen(connection: Connection, listener: DocumentListener): void {
    connection.onDidOpenTextDocument(params => listener.opened(this.open(params)));
    connection.onDidChangeTextDocument(params => {
      const document = this.change(params);
      if (document) listener.changed(document);
    });
    connection.onDidCloseTextDocument(params => {
      this.close(params);
      listener.closed(params.textDocument.uri);
    });
  }
}
